import { Skeleton } from 'antd';

/** Placeholder until the page is built (issue 5 web UI). */
export function VictimListPage() {
  return <Skeleton active />;
}
