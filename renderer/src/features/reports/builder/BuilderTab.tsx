import { useState } from 'react';
import { Col, Flex, Row } from 'antd';
import { BasketCard } from '../BasketCard';
import { ExportCard } from './ExportCard';
import { HistoryCard } from './HistoryCard';
import { MetaCard } from './MetaCard';
import { PreviewCard } from './PreviewCard';
import { SectionEditor } from './SectionEditor';
import { SectionList } from './SectionList';
import { TemplateCard } from './TemplateCard';
import './report.css';

/**
 * 报告: template, details and sections (left), the selected section's settings and the basket (middle),
 * export and past renders (right); the preview below at full width.
 */
export function BuilderTab() {
  const [rendered, setRendered] = useState(0);
  return (
    <Flex vertical gap={16} data-testid="report-builder">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <TemplateCard />
            <MetaCard />
            <SectionList />
          </Flex>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <SectionEditor />
            <BasketCard />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <ExportCard onRendered={() => setRendered((n) => n + 1)} />
            <HistoryCard version={rendered} />
          </Flex>
        </Col>
      </Row>
      <PreviewCard />
    </Flex>
  );
}
