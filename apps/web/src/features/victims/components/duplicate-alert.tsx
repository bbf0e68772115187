import { Link } from '@tanstack/react-router';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api.ts';
import type { DuplicateProblem } from '../api/victims-api.ts';

const DUPLICATE_CODES = new Set(['victim.possible_duplicate', 'victim.possible_duplicate_elsewhere']);

/** The 409 of a possible duplicate as the alert needs it, else null (any other error). */
export function duplicateProblemOf(error: unknown): DuplicateProblem | null {
  if (!isApiError(error) || error.status !== 409 || !DUPLICATE_CODES.has(error.code)) return null;
  const { duplicates } = error.problem as { duplicates?: DuplicateProblem['duplicates'] };
  return { code: error.code, title: error.title, duplicates: Array.isArray(duplicates) ? duplicates : [] };
}

/**
 * "Có thể trùng với hồ sơ…": the server's title; links to the matching files the officer may open
 * (only those inside their scope — elsewhere the server names the unit and nothing more); and the
 * officer's answer that this is another person, which sends the reception again without the check.
 */
export function DuplicateAlert({
  problem,
  isSending,
  onConfirm,
}: {
  problem: DuplicateProblem;
  isSending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const duplicates = problem.duplicates ?? [];
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-alert"
      style={{ marginBottom: 16 }}
      title={problem.title}
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {duplicates.length > 0 && (
            <div>
              <Typography.Text>{t('victims.duplicate.matches')} </Typography.Text>
              <Space size={8} wrap>
                {duplicates.map((duplicate) => (
                  <Link
                    key={duplicate.fileId}
                    to="/victims/$id"
                    params={{ id: duplicate.fileId }}
                    target="_blank"
                    data-testid={`duplicate-link-${duplicate.fileId}`}
                  >
                    {duplicate.reference}
                  </Link>
                ))}
              </Space>
            </div>
          )}
          <Button onClick={onConfirm} loading={isSending} data-testid="duplicate-confirm">
            {t('victims.duplicate.confirm')}
          </Button>
        </Space>
      }
    />
  );
}
