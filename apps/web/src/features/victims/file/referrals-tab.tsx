import type { VictimFileDetail } from '@atmis/domain';
import { Empty } from 'antd';

/** Placeholder until the tab is built. Every tab of the file page takes the loaded file. */
export function ReferralsTab({ file }: { file: VictimFileDetail }) {
  return <Empty description={file.reference} />;
}
