import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../../../../shared/domain/evaluation';
import { errorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { useEval } from '../eval-store';
import { localName } from './names';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url; a.download = name; a.click();
  URL.revokeObjectURL(url);
}

/** Pick a saved scheme, start from the default, save a new version, export and import JSON. */
export function SchemeToolbar() {
  const { t, i18n } = useTranslation();
  const { draft, schemeId, dirty, load } = useEval();
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [json, setJson] = useState('');
  const list = useAsync(() => api.call('evaluation.listSchemes', {}), String(version));
  const fail = (e: unknown) => setNote({ type: 'error', text: errorText(e, currentLocale()) });
  const open = async (id: number | null) => {
    const r = await api.call('evaluation.getScheme', id === null ? {} : { id });
    load(r.scheme, r.id);
  };
  const save = async (scheme: Scheme) => {
    try {
      const r = await api.call('evaluation.saveScheme', { scheme });
      setVersion((v) => v + 1);
      await open(r.id);
      setNote({ type: 'success', text: t('evaluation.scheme.saved', { version: r.version }) });
    } catch (e) { fail(e); }
  };
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <Select style={{ minWidth: 320 }} value={schemeId ?? -1} data-testid="scheme-select"
          options={[{ value: -1, label: t('evaluation.scheme.builtIn') }, ...(list.data ?? []).map((s) => ({
            value: s.id, label: `${localName(s.name, i18n.language)} · ${t('evaluation.scheme.versions', { version: s.version, count: s.versions })}`,
          }))]}
          onChange={(id: number) => { void open(id === -1 ? null : id).catch(fail); }} />
        <Button onClick={() => { void open(null).catch(fail); }}>{t('evaluation.scheme.newDefault')}</Button>
        <Button type="primary" disabled={!draft} onClick={() => draft && void save(draft)} data-testid="scheme-save">{t('evaluation.scheme.save')}</Button>
        <Button disabled={schemeId === null} onClick={() => schemeId !== null && void api.call('evaluation.exportScheme', { id: schemeId }).then((r) => download(r.fileName, r.json), fail)}>{t('evaluation.scheme.export')}</Button>
        <Button onClick={() => setImporting(true)}>{t('evaluation.scheme.import')}</Button>
        <Space>{dirty && <Tag color="orange" data-testid="scheme-dirty">{t('evaluation.scheme.unsaved')}</Tag>}</Space>
      </Flex>
      {note && <Alert style={{ marginTop: 8 }} type={note.type} showIcon closable onClose={() => setNote(null)} title={note.text} data-testid="scheme-note" />}
      <Modal open={importing} title={t('evaluation.scheme.import')} onCancel={() => setImporting(false)}
        onOk={() => {
          api.call('evaluation.importScheme', { json }).then(async (r) => {
            setImporting(false); setJson(''); setVersion((v) => v + 1); await open(r.id);
            setNote({ type: 'success', text: t('evaluation.scheme.importDone', { key: r.key, version: r.version }) });
          }, (e: unknown) => { setImporting(false); fail(e); });
        }}>
        <Input.TextArea rows={10} value={json} onChange={(e) => setJson(e.target.value)} placeholder={t('evaluation.scheme.importPlaceholder')} />
      </Modal>
    </div>
  );
}
