import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { useTextJob } from './useTextJob';
import { mergeWords, parseWordList, wordListText } from './word-list';
import { WordTable, type WordRow } from './WordTable';

type Kind = 'dict' | 'stop';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url; a.download = name; a.click();
  URL.revokeObjectURL(url);
}

/**
 * The analyst's dictionary and stopwords: the words added to segmentation (on top of the shipped
 * hotline lexicon and the place names of loaded layers) and the stopword list (defaults that can be
 * switched off, own additions). A sample sentence shows the effect at once; dictionary changes need
 * the text index rebuilt, a job with progress started from here.
 */
export function WordsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const job = useTextJob();
  const [kind, setKind] = useState<Kind>('dict');
  const [saved, setSaved] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sample, setSample] = useState(t('text.words.sample'));
  const key = `${saved}|${job.version}`;
  const words = useAsync(() => api.call('text.words', {}), key);
  const status = useAsync(() => api.call('text.status', {}), key);
  const tokens = useAsync(() => api.call('text.segment', { text: sample }), `${key}|${sample}`);
  const w = words.data;
  const removed = new Set(w?.stopRemoved ?? []);
  const rows: Record<Kind, WordRow[]> = {
    dict: (w?.dict ?? []).map((word) => ({ word, source: 'user', active: true })),
    stop: [...(w?.stopAdded ?? []).map((word): WordRow => ({ word, source: 'added', active: true })),
      ...(w?.defaultStopwords ?? []).map((word): WordRow => ({ word, source: 'default', active: !removed.has(word) }))],
  };
  const stopSet = new Set(rows.stop.filter((r) => r.active).map((r) => r.word));

  const save = async (list: 'dict' | 'stop' | 'unstop', next: string[], note?: string) => {
    setBusy(true);
    try {
      await api.call('text.setWords', { kind: list, words: next });
      if (note) void message.success(note);
      setSaved((n) => n + 1);
    } catch (e) {
      void message.error(errorText(e, currentLocale()));
    } finally {
      setBusy(false);
    }
  };
  const own = (k: Kind) => (k === 'dict' ? w?.dict ?? [] : w?.stopAdded ?? []);
  const add = (k: Kind, add: string[], note?: string) => {
    const m = mergeWords(own(k), add);
    void save(k, m.words, note ?? t('text.words.added', { n: m.added }));
  };
  const remove = (k: Kind, r: WordRow) => {
    if (r.source === 'default') void save('unstop', [...removed, r.word]);
    else void save(k, own(k).filter((x) => x !== r.word));
  };
  const importFile = async (k: Kind, file: File) => {
    const parsed = parseWordList(await file.text());
    if (!parsed.words.length) { void message.error(t('text.words.importEmpty')); return; }
    const m = mergeWords(own(k), parsed.words);
    add(k, parsed.words, t('text.words.imported', { added: m.added, read: parsed.words.length, rejected: parsed.rejected.length }));
  };
  const exportList = (k: Kind) => download(k === 'dict' ? 'user-dictionary.txt' : 'stopwords.txt', wordListText(k === 'dict' ? own('dict') : [...stopSet]));

  return (
    <Card
      title={t('text.words.title')}
      extra={<Segmented<Kind> value={kind} onChange={setKind} data-testid="words-kind" options={[{ value: 'dict', label: t('text.words.dict') }, { value: 'stop', label: t('text.words.stop') }]} />}
    >
      {words.error != null && <ErrorAlert error={words.error} />}
      {status.data?.stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="words-stale" title={t('text.words.stale')}
          description={job.running ? (job.progress || t('text.running')) : undefined}
          action={<Button type="primary" size="small" loading={job.running !== null} onClick={() => void job.run('reindex', () => api.call('text.reindex', {}))} data-testid="words-reindex">{t('text.reindex')}</Button>} />
      )}
      <Flex gap={24} wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('text.words.userWords')} value={w?.dict.length ?? 0} />
        <Statistic title={t('text.words.lexicon')} value={w?.lexicon.length ?? 0} />
        <Statistic title={t('text.words.places')} value={w?.places ?? 0} />
        <Statistic title={t('text.words.stopActive')} value={stopSet.size} />
      </Flex>
      <Typography.Paragraph type="secondary">{t(`text.words.hint.${kind}`)}</Typography.Paragraph>
      <WordTable kind={kind} rows={rows[kind]} busy={busy || words.loading} onAdd={(x) => add(kind, x)} onRemove={(r) => remove(kind, r)}
        onRestore={(r) => void save('unstop', [...removed].filter((x) => x !== r.word))} onImport={(f) => void importFile(kind, f)} onExport={() => exportList(kind)} />
      <Card size="small" type="inner" title={t('text.words.preview')} data-testid="words-preview">
        <Input.TextArea value={sample} onChange={(e) => setSample(e.target.value)} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={2000} style={{ marginBottom: 8 }} />
        <Space size={[4, 6]} wrap data-testid="words-tokens">
          {(tokens.data?.tokens ?? []).map((tok, i) => {
            const stop = stopSet.has(tok); const mine = (w?.dict ?? []).includes(tok);
            return <Tag key={`${i}-${tok}`} color={mine ? 'blue' : undefined} style={stop ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>{tok}</Tag>;
          })}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('text.words.previewHint')}</Typography.Paragraph>
      </Card>
    </Card>
  );
}
