import { useState } from 'react';
import { AutoComplete, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AlertDetail, AlertStatus } from '../../../../shared/api/areas/alerts';
import { useFacets } from '../../state/facets';

export interface TransitionInput { to: AlertStatus; note?: string; department?: string; dueAt?: number }

interface AssignForm { department: string; due: Dayjs; note?: string }

const DANGER: AlertStatus[] = ['false_alarm', 'recurred'];

/** The workflow actions allowed from the alert's status; "assign" asks for department, due date and note. */
export function WorkflowActions({ detail, busy, onTransition }: { detail: AlertDetail; busy: boolean; onTransition(i: TransitionInput): Promise<boolean> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [assigning, setAssigning] = useState(false);
  const [form] = Form.useForm<AssignForm>();
  const departments = useFacets((s) => s.facets?.departments ?? []);
  const go = async (i: TransitionInput) => {
    if (await onTransition(i)) setNote('');
  };
  const submitAssign = async () => {
    let v: AssignForm;
    try { v = await form.validateFields(); } catch { return; } // the form shows what is missing
    const ok = await onTransition({ to: 'assigned', department: v.department.trim(), dueAt: v.due.endOf('day').valueOf(), ...(v.note ? { note: v.note } : {}) });
    if (ok) { setAssigning(false); form.resetFields(); }
  };
  if (detail.allowed.length === 0) return <Typography.Text type="secondary">{t('alerts.action.none')}</Typography.Text>;
  return (
    <div data-testid="alert-actions">
      <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 3 }} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('alerts.noteTitle')} style={{ marginBottom: 8 }} maxLength={2000} />
      <Flex gap={8} wrap>
        {detail.allowed.map((to) => (
          <Button key={to} type={DANGER.includes(to) ? 'default' : 'primary'} danger={DANGER.includes(to)} loading={busy} data-testid={`alert-action-${to}`}
            onClick={() => {
              if (to === 'assigned') {
                form.setFieldsValue({ department: detail.alert.department ?? '', note });
                setAssigning(true);
              } else void go({ to, ...(note.trim() ? { note: note.trim() } : {}) });
            }}>
            {t(`alerts.action.${to}`)}
          </Button>
        ))}
      </Flex>
      <Modal open={assigning} title={t('alerts.assign.title')} okText={t('alerts.assign.ok')} onOk={() => void submitAssign()} onCancel={() => setAssigning(false)}
        confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'alert-assign-ok' } as Record<string, string>}>
        <Form form={form} layout="vertical" data-testid="alert-assign-form">
          <Form.Item name="department" label={t('alerts.assign.department')} rules={[{ required: true, whitespace: true, message: t('alerts.assign.departmentRequired') }]}>
            <AutoComplete data-testid="alert-assign-department" options={departments.slice(0, 200).map((d) => ({ value: d.name }))}
              filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
          </Form.Item>
          <Form.Item name="due" label={t('alerts.assign.due')} rules={[{ required: true, message: t('alerts.assign.dueRequired') }]}>
            <DatePicker data-testid="alert-assign-due" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('alerts.assign.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
