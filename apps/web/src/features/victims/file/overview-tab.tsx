import type { VictimFileDetail } from '@atmis/domain';
import { Col, Row } from 'antd';
import { DeadlinesCard } from './deadlines-card.tsx';
import { PersonsCard } from './persons-card.tsx';
import { ReceptionCard } from './reception-card.tsx';

/** The file at a glance: reception facts, deadlines and the persons (masked unless revealed). */
export function OverviewTab({ file }: { file: VictimFileDetail }) {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ReceptionCard file={file} />
        </Col>
        <Col xs={24} xl={8}>
          <DeadlinesCard file={file} />
        </Col>
      </Row>
      <PersonsCard file={file} />
    </>
  );
}
