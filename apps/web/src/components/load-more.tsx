import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Cursor pagination footer: "Đang hiển thị n / total" and a "Tải thêm" button while more remain. */
export function LoadMore({
  shown,
  total,
  hasMore,
  isLoading,
  onLoadMore,
  testId = 'load-more',
}: {
  shown: number;
  total: number;
  hasMore: boolean;
  isLoading: boolean;
  onLoadMore: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (shown === 0) return null;
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 12 }} wrap>
      <Typography.Text type="secondary" data-testid={`${testId}-count`}>
        {t('common.shown', { shown, total: Math.max(total, shown) })}
      </Typography.Text>
      {hasMore && (
        <Button onClick={onLoadMore} loading={isLoading} data-testid={testId}>
          {t('common.loadMore')}
        </Button>
      )}
    </Space>
  );
}
