import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertConfig } from '../../../../shared/api/areas/alerts';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';

const DETECTORS = ['regression', 'cusum', 'ears-c1', 'ears-c2', 'ears-c3'] as const;
const P_OPTIONS = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];
const NUMBER_FIELDS = [
  ['minCount', 1, 1000, 1], ['minRatio', 1, 100, 0.5], ['windowDays', 1, 14, 1], ['trainingDays', 28, 730, 7],
  ['minScore', 0, 100, 1], ['followUpDays', 3, 120, 1], ['terms', 0, 100, 5],
] as const;

/** Alert settings saved in the project: thresholds, detectors on/off, monitored series levels; defaults shown beside each. */
export function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AlertConfig>();
  const current = useAsync(() => api.call('alerts.config', {}), 'config');
  const defaults = useAsync(() => api.call('alerts.defaultConfig', {}), 'defaults');
  const d = defaults.data;
  useEffect(() => { if (current.data) form.setFieldsValue(current.data); }, [current.data, form]);
  const save = async (values: AlertConfig) => {
    try {
      form.setFieldsValue(await api.call('alerts.setConfig', values));
      void message.success(t('alerts.settings.saved'));
    } catch (e) {
      void message.error(errorText(e, currentLocale()));
    }
  };
  const dflt = (v: unknown) => (d ? t('alerts.settings.default', { value: Array.isArray(v) ? v.length : String(v) }) : '');
  return (
    <Card size="small" title={t('alerts.settings.title')} data-testid="alerts-settings">
      <Typography.Paragraph type="secondary">{t('alerts.settings.hint')}</Typography.Paragraph>
      {current.error != null && <ErrorAlert error={current.error} />}
      <Form form={form} layout="horizontal" labelCol={{ flex: '220px' }} onFinish={(v) => void save(v)} style={{ maxWidth: 900 }}>
        <Form.Item name="pAlarm" label={t('alerts.settings.pAlarm')} extra={`${t('alerts.settings.pAlarmHelp')} ${dflt(d?.pAlarm)}`}>
          <Select style={{ width: 160 }} data-testid="settings-pAlarm" options={P_OPTIONS.map((p) => ({ value: p, label: `p < ${p.toExponential(0)}` }))} />
        </Form.Item>
        {NUMBER_FIELDS.map(([name, min, max, step]) => (
          <Form.Item key={name} name={name} label={t(`alerts.settings.${name}`)} extra={`${t(`alerts.settings.${name}Help`)} ${dflt(d?.[name])}`}>
            <InputNumber min={min} max={max} step={step} style={{ width: 160 }} data-testid={`settings-${name}`} />
          </Form.Item>
        ))}
        <Form.Item name="detectors" label={t('alerts.settings.detectors')} extra={dflt(d?.detectors.map((x) => t(`alerts.detector.${x}`)).join('、'))}
          rules={[{ required: true, type: 'array', min: 1, message: t('alerts.settings.detectorsRequired') }]}>
          <Checkbox.Group options={DETECTORS.map((x) => ({ value: x, label: t(`alerts.detector.${x}`) }))} data-testid="settings-detectors" />
        </Form.Item>
        <Form.Item label={t('alerts.settings.levels')} extra={t('alerts.settings.levelsHelp')}>
          <Form.List name="levels">
            {(fields, { add, remove }) => (
              <Flex vertical gap={6} data-testid="settings-levels">
                {fields.map((f) => (
                  <Space key={f.key}>
                    <Form.Item name={[f.name, 'category']} noStyle>
                      <Select style={{ width: 150 }} options={[0, 1, 2, 3].map((c) => ({ value: c, label: t(`alerts.settings.cat${c}`) }))} />
                    </Form.Item>
                    <span>×</span>
                    <Form.Item name={[f.name, 'area']} noStyle>
                      <Select style={{ width: 110 }} options={(['city', 'district', 'street', 'community'] as const).map((a) => ({ value: a, label: t(`alerts.areaLevel.${a}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'bySource']} valuePropName="checked" noStyle><Checkbox>{t('alerts.settings.bySource')}</Checkbox></Form.Item>
                    <Button size="small" onClick={() => remove(f.name)} disabled={fields.length <= 1}>{t('alerts.settings.remove')}</Button>
                  </Space>
                ))}
                <Button size="small" style={{ width: 120 }} disabled={fields.length >= 12} onClick={() => add({ category: 3, area: 'street' })}>{t('alerts.settings.add')}</Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="autoRun" label={t('alerts.settings.autoRun')} valuePropName="checked" extra={dflt(d?.autoRun ? t('common.yes') : t('common.no'))}>
          <Switch data-testid="settings-autoRun" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="settings-save">{t('alerts.settings.save')}</Button>
          <Button onClick={() => d && form.setFieldsValue(d)} disabled={!d} data-testid="settings-reset">{t('alerts.settings.reset')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
