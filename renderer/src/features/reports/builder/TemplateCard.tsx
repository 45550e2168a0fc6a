import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Flex, Input, Modal, Popconfirm, Select, Tag } from 'antd';
import { DeleteOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate } from '../../../../../shared/domain/report/spec';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { useReport } from './report-store';
import { templateSpec } from './sections';

/** Template picker: the built-ins (简报/专报/评估报告, possibly edited in this project) and the project's own. */
export function TemplateCard() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [gen, setGen] = useState(0);
  const list = useAsync(() => api.call('report.templates', {}), String(gen));
  const { templateId, meta, sections, applyTemplate } = useReport();
  const [naming, setNaming] = useState<string | null>(null);
  const templates = useMemo(() => list.data ?? [], [list.data]);
  const current = templates.find((x) => x.id === templateId) ?? null;

  // First visit: start from the one-page brief.
  useEffect(() => {
    if (templateId === null && templates.length) applyTemplate(templates.find((x) => x.id === 'brief') ?? templates[0]);
  }, [templateId, templates, applyTemplate]);

  const fail = (e: unknown) => void message.error(errorText(e, currentLocale()));
  const pick = (id: string) => {
    const tpl = templates.find((x) => x.id === id);
    if (!tpl) return;
    if (!sections.length) { applyTemplate(tpl); return; }
    modal.confirm({ title: t('report.template.apply'), content: t('report.template.applyConfirm'), onOk: () => applyTemplate(tpl) });
  };
  const save = async (tpl: Pick<ReportTemplate, 'id' | 'name' | 'kind'>) => {
    try {
      const out = await api.call('report.saveTemplate', { template: { ...tpl, spec: templateSpec(meta, sections, currentLocale()) } });
      useReport.setState({ templateId: out.id, kind: out.kind });
      setGen((g) => g + 1);
      void message.success(t('report.template.saved', { name: out.name }));
    } catch (e) { fail(e); }
  };
  const reset = async () => {
    if (!current) return;
    try {
      const out = await api.call('report.resetTemplate', { id: current.id });
      applyTemplate(out);
      setGen((g) => g + 1);
      void message.success(t('report.template.resetDone', { name: out.name }));
    } catch (e) { fail(e); }
  };
  const remove = async () => {
    if (!current) return;
    try {
      await api.call('report.deleteTemplate', { id: current.id });
      useReport.setState({ templateId: null });
      setGen((g) => g + 1);
      void message.success(t('report.template.removed'));
    } catch (e) { fail(e); }
  };
  const label = (x: ReportTemplate) => (
    <span>{x.name}{x.builtin && x.modified ? <Tag color="orange" style={{ marginLeft: 6 }}>{t('report.template.edited')}</Tag> : null}</span>
  );
  return (
    <Card size="small" title={t('report.template.title')} data-testid="report-templates">
      {list.error != null && <ErrorAlert error={list.error} />}
      <Flex gap={8} wrap align="center">
        <Select style={{ minWidth: 200 }} placeholder={t('report.template.pick')} value={templateId ?? undefined} onChange={pick} loading={list.loading}
          data-testid="report-template-select"
          options={[
            { label: t('report.template.builtin'), options: templates.filter((x) => x.builtin).map((x) => ({ value: x.id, label: label(x) })) },
            { label: t('report.template.own'), options: templates.filter((x) => !x.builtin).map((x) => ({ value: x.id, label: label(x) })) },
          ].filter((g) => g.options.length)} />
        {current && <Button icon={<SaveOutlined />} onClick={() => void save(current)} disabled={!sections.length} data-testid="report-template-save">{t('report.template.save')}</Button>}
        <Button onClick={() => setNaming('')} disabled={!sections.length} data-testid="report-template-saveas">{t('report.template.saveAs')}</Button>
        {current?.builtin && current.modified && <Button icon={<RollbackOutlined />} onClick={() => void reset()} data-testid="report-template-reset">{t('report.template.reset')}</Button>}
        {current && !current.builtin && (
          <Popconfirm title={t('report.template.removeConfirm', { name: current.name })} onConfirm={() => void remove()}>
            <Button danger icon={<DeleteOutlined />} aria-label={t('report.template.remove')} title={t('report.template.remove')} />
          </Popconfirm>
        )}
      </Flex>
      <Modal open={naming !== null} title={t('report.template.saveAs')} onCancel={() => setNaming(null)} okButtonProps={{ disabled: !naming?.trim() }}
        onOk={() => { const name = naming!.trim(); setNaming(null); void save({ id: `t-${Date.now().toString(36)}`, name, kind: 'custom' }); }}>
        <Input autoFocus value={naming ?? ''} onChange={(e) => setNaming(e.target.value)} placeholder={t('report.template.namePlaceholder')} maxLength={100}
          aria-label={t('report.template.name')} data-testid="report-template-name" />
      </Modal>
    </Card>
  );
}
