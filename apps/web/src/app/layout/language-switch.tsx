import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../lib/i18n/index.ts';

/** One click switches Vietnamese ⇄ English; the choice is kept in localStorage `atmis.lang`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : 'vi';
  const target = current === 'vi' ? 'en' : 'vi';
  return (
    <Tooltip title={t('lang.label')}>
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        data-lang={current}
        aria-label={`${t('lang.label')}: ${t(`lang.${target}`)}`}
        onClick={() => void changeLanguage(target)}
      >
        {target === 'en' ? 'English' : 'Tiếng Việt'}
      </Button>
    </Tooltip>
  );
}
