import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { COMPANION_ROLES, PERSON_ROLE_LABELS } from '@atmis/domain';
import { Button, Card, Col, Empty, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../../components/code-select.tsx';
import { PersonFields } from './person-fields.tsx';

/** A file holds at most this many companions (the contract's limit). */
const MAX_COMPANIONS = 10;

const COMPANION_ROLE_LABELS = Object.fromEntries(COMPANION_ROLES.map((role) => [role, PERSON_ROLE_LABELS[role]])) as Record<
  (typeof COMPANION_ROLES)[number],
  { vi: string; en: string }
>;

/**
 * Persons received with the primary one (`companions`): an accompanying child, a relative, or
 * another person under identification; each with their role, relationship and identity.
 */
export function CompanionFields({ receivedOn }: { receivedOn?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Form.List name="companions">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('victims.reception.noCompanions')} />}
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              type="inner"
              style={{ marginBottom: 16 }}
              data-testid={`companion-${index}`}
              title={<Typography.Text>{t('victims.reception.companionN', { n: index + 1 })}</Typography.Text>}
              extra={
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  data-testid={`companion-${index}-remove`}
                  aria-label={t('victims.reception.removeCompanion', { n: index + 1 })}
                >
                  {t('victims.reception.removeCompanionShort')}
                </Button>
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[field.name, 'role']}
                    label={t('victims.reception.companionRole')}
                    rules={[
                      {
                        required: true,
                        message: t('common.requiredSelect', { field: t('victims.reception.companionRole').toLowerCase() }),
                      },
                    ]}
                  >
                    <CodeSelect codes={COMPANION_ROLES} labels={COMPANION_ROLE_LABELS} testId={`companion-${index}-role`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'relationship']} label={t('victims.reception.relationship')}>
                    <Input
                      maxLength={60}
                      placeholder={t('victims.reception.relationshipPlaceholder')}
                      data-testid={`companion-${index}-relationship`}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <PersonFields
                prefix={['companions', field.name, 'person']}
                fieldPrefix={[field.name, 'person']}
                testIdPrefix={`companion-${index}`}
                receivedOn={receivedOn}
              />
            </Card>
          ))}
          {fields.length < MAX_COMPANIONS && (
            <Button icon={<UserAddOutlined />} onClick={() => add()} data-testid="companion-add">
              {t('victims.reception.addCompanion')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
