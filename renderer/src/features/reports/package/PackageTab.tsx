import { useState } from 'react';
import { Button, Col, Flex, Row } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AnonymiseForm } from './AnonymiseForm';
import { RunCard, WhatCard } from './ExportPanel';
import { ImportPackageModal } from './ImportPackageModal';
import { PreviewPanel } from './PreviewPanel';

/** 数据包: choose what and how (left), see what the anonymisation removes (right), export; or import a package. */
export function PackageTab() {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button icon={<ImportOutlined />} data-testid="package-import-open" onClick={() => setImporting(true)}>{t('package.imp.open')}</Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Flex vertical gap={16}>
            <WhatCard />
            <AnonymiseForm />
            <RunCard />
          </Flex>
        </Col>
        <Col xs={24} xl={13}>
          <PreviewPanel />
        </Col>
      </Row>
      <ImportPackageModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
