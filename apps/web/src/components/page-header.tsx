import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, extra, testId }: { title: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <div className="atmis-page-header">
      <Typography.Title level={2} style={{ fontSize: 22 }} data-testid={testId ?? 'page-title'}>
        {title}
      </Typography.Title>
      {extra && <div>{extra}</div>}
    </div>
  );
}
