import { useMemo, useState } from 'react';
import { Button, Flex, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export interface WordRow { word: string; source: 'user' | 'added' | 'default'; active: boolean }

interface Props {
  kind: 'dict' | 'stop';
  rows: readonly WordRow[];
  busy: boolean;
  onAdd(words: string[]): void;
  onRemove(row: WordRow): void;
  onRestore(row: WordRow): void;
  onImport(file: File): void;
  onExport(): void;
}

/** One word list: search, add (several at once), remove / restore per word, import a file, export. */
export function WordTable({ kind, rows, busy, onAdd, onRemove, onRestore, onImport, onExport }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [draft, setDraft] = useState('');
  const shown = useMemo(() => (q.trim() ? rows.filter((r) => r.word.includes(q.trim())) : rows), [rows, q]);
  const add = () => {
    const words = draft.split(/[\s,，、;；]+/u).map((w) => w.trim()).filter(Boolean);
    if (words.length) { onAdd(words); setDraft(''); }
  };
  return (
    <div data-testid={`words-${kind}`}>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Space.Compact style={{ minWidth: 320 }}>
          <Input value={draft} onChange={(e) => setDraft(e.target.value)} onPressEnter={add} placeholder={t(`text.words.addPlaceholder.${kind}`)} data-testid={`words-${kind}-input`} />
          <Button type="primary" icon={<PlusOutlined />} onClick={add} loading={busy} data-testid={`words-${kind}-add`}>{t('text.words.add')}</Button>
        </Space.Compact>
        <Space wrap>
          <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('text.words.search')} style={{ width: 200 }} data-testid={`words-${kind}-search`} />
          <Upload accept=".txt,.csv,.tsv,.dic,text/plain" showUploadList={false} maxCount={1} beforeUpload={(file) => { onImport(file); return false; }}>
            <Button icon={<UploadOutlined />} disabled={busy} data-testid={`words-${kind}-import`}>{t('text.words.import')}</Button>
          </Upload>
          <Button icon={<DownloadOutlined />} onClick={onExport} data-testid={`words-${kind}-export`}>{t('text.words.export')}</Button>
        </Space>
      </Flex>
      <Table<WordRow>
        size="small" rowKey="word" dataSource={shown as WordRow[]} pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => t('text.words.total', { n }) }}
        locale={{ emptyText: t(`text.words.empty.${kind}`) }}
        columns={[
          { title: t('text.words.word'), dataIndex: 'word', render: (w: string, r) => (r.active ? w : <Typography.Text delete type="secondary">{w}</Typography.Text>) },
          { title: t('text.words.source'), dataIndex: 'source', width: 160, render: (s: WordRow['source'], r) => <Tag color={s === 'default' ? (r.active ? 'default' : 'orange') : 'blue'}>{t(`text.words.from.${s}`)}{!r.active ? ` · ${t('text.words.off')}` : ''}</Tag> },
          {
            title: '', key: 'act', width: 120,
            render: (_v, r) => (r.active
              ? <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => onRemove(r)} disabled={busy}>{t('text.words.remove')}</Button>
              : <Button size="small" type="link" icon={<RollbackOutlined />} onClick={() => onRestore(r)} disabled={busy}>{t('text.words.restore')}</Button>),
          },
        ]}
      />
    </div>
  );
}
