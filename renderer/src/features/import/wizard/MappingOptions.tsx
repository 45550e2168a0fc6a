import { useMemo } from 'react';
import { Checkbox, Col, Form, Input, Radio, Row, Select, Switch, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { allTimeZones, CRS_VALUES, type CrsValue } from '../fields';
import { useImportWizard } from '../import-store';
import { usedFields, type MappingAction } from '../mapping-state';

/** Time zone, coordinate system, duplicates, raw phone (opt-in) and "save as template". */
export function MappingOptions() {
  const { t } = useTranslation();
  const m = useImportWizard((s) => s.mapping);
  const dispatch = useImportWizard((s) => s.dispatch);
  const zones = useMemo(() => allTimeZones().map((z) => ({ value: z, label: z })), []);
  const set = (patch: Extract<MappingAction, { type: 'options' }>['patch']) => dispatch({ type: 'options', patch });
  const phoneMapped = usedFields(m).has('callerPhone');

  return (
    <Form layout="vertical" component="div">
      <Row gutter={[24, 0]}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('import.mapping.timezone')} extra={t('import.mapping.timezoneHint')}>
            <Select<string> data-testid="import-timezone" value={m.timezone} options={zones}
              showSearch={{ optionFilterProp: 'label' }} onChange={(timezone) => set({ timezone })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('import.mapping.crs')} extra={t('import.mapping.crsHint')}>
            <Select<CrsValue> data-testid="import-crs" value={m.crs} onChange={(crs) => set({ crs })}
              options={CRS_VALUES.map((c) => ({ value: c, label: t(`import.mapping.crsValues.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('import.mapping.onDuplicate')} extra={t('import.mapping.onDuplicateHint')}>
            <Radio.Group data-testid="import-on-duplicate" value={m.onDuplicate} onChange={(e) => set({ onDuplicate: e.target.value as 'skip' | 'update' })}
              options={[{ value: 'skip', label: t('import.mapping.skip') }, { value: 'update', label: t('import.mapping.update') }]} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('import.mapping.keepPhone')}>
            <Switch data-testid="import-keep-phone" checked={m.keepPhone} onChange={(keepPhone) => set({ keepPhone })} disabled={!phoneMapped && !m.keepPhone} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 6, marginBottom: 0 }}>
              <LockOutlined /> {t(phoneMapped ? 'import.mapping.phoneNote' : 'import.mapping.phoneNotMapped')}
            </Typography.Paragraph>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={[24, 0]} align="middle">
        <Col>
          <Checkbox data-testid="import-save-template" checked={m.saveTemplate} onChange={(e) => set({ saveTemplate: e.target.checked })}>
            {t('import.mapping.saveTemplate')}
          </Checkbox>
        </Col>
        {m.saveTemplate && (
          <Col>
            <Input data-testid="import-template-name" style={{ width: 300 }} value={m.templateName} maxLength={100}
              placeholder={t('import.mapping.templateNamePlaceholder')} onChange={(e) => set({ templateName: e.target.value })} />
          </Col>
        )}
        <Col><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('import.mapping.templateHint')}</Typography.Text></Col>
      </Row>
    </Form>
  );
}
