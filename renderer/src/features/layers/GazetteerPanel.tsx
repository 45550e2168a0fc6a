import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';

type State = OutputOf<'gazetteer.get'>;
type Mode = 'extend' | 'replace';

/** The geocoder's administrative gazetteer: the project's region (chosen or guessed) and the user's own division list. */
export function GazetteerPanel({ busy, reloadKey }: { busy: boolean; reloadKey: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const data = useAsync(async () => ({ state: await api.call('gazetteer.get', {}), regions: await api.call('gazetteer.regions', {}) }), `${reloadKey}|${version}`);
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<Mode>('extend');
  const [error, setError] = useState<unknown>(null);
  const [imported, setImported] = useState<OutputOf<'gazetteer.importList'> | null>(null);

  const options = useMemo(() => {
    const rs = data.data?.regions ?? [];
    const names = new Map(rs.map((r) => [r.code, r.name]));
    return rs.map((r) => ({ value: r.code, label: r.level === 'city' && r.parent && names.get(r.parent) !== r.name ? `${names.get(r.parent)} › ${r.name}` : r.name }));
  }, [data.data]);

  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try { await f(); setVersion((v) => v + 1); } catch (e) { setError(e); }
  };
  const s: State | undefined = data.data?.state;
  if (!s) return null;
  const share = s.guess ? `${Math.round(s.guess.share * 100)}%` : '';
  const auto = s.guess ? t('layers.geo.gaz.auto', { name: s.guess.name }) : t('layers.geo.gaz.autoNone');
  const problemRows = imported?.problems.slice(0, 8).map((p) => `${p.row}（${t(`layers.geo.gaz.reasons.${p.reason}`)}）`).join('、') ?? '';

  return (
    <div data-testid="layers-gazetteer" style={{ marginTop: 12, paddingTop: 8, borderTop: '1px dashed rgba(128,128,128,0.3)' }}>
      <Typography.Text strong>{t('layers.geo.gaz.title')}</Typography.Text>
      <Flex gap={8} wrap align="end" style={{ marginTop: 6 }}>
        <div style={{ minWidth: 260 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('layers.geo.gaz.region')}</Typography.Text>
          <Select<string> size="small" showSearch optionFilterProp="label" style={{ width: '100%' }} data-testid="gazetteer-region" disabled={busy}
            value={s.chosen ?? 'auto'} onChange={(v) => void act(() => api.call('gazetteer.set', { region: v === 'auto' ? null : v }))}
            options={[{ value: 'auto', label: auto }, ...options]} />
        </div>
        <Input size="small" style={{ width: 320 }} data-testid="gazetteer-list-path" value={path} placeholder={t('layers.geo.gaz.listPath')} onChange={(e) => setPath(e.target.value)} />
        <Select<Mode> size="small" style={{ width: 150 }} value={mode} onChange={setMode} data-testid="gazetteer-list-mode"
          options={[{ value: 'extend', label: t('layers.geo.gaz.extend') }, { value: 'replace', label: t('layers.geo.gaz.replace') }]} />
        <Button size="small" disabled={busy || !path.trim()} data-testid="gazetteer-import"
          onClick={() => void act(async () => setImported(await api.call('gazetteer.importList', { path: path.trim(), mode })))}>{t('layers.geo.gaz.importList')}</Button>
        {s.userList && <Button size="small" disabled={busy} onClick={() => void act(async () => { setImported(null); await api.call('gazetteer.set', { clearUserList: true }); })}>{t('layers.geo.gaz.clearList')}</Button>}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }} data-testid="gazetteer-status">
        {s.region
          ? t('layers.geo.gaz.inUse', { path: s.regionName, source: t(s.regionSource === 'chosen' ? 'layers.geo.gaz.sourceChosen' : 'layers.geo.gaz.sourceGuessed'), count: s.recognisable })
          : t(s.userList ? 'layers.geo.gaz.noneWithList' : 'layers.geo.gaz.none')}
        {s.guess && <><br />{t('layers.geo.gaz.guessed', { share, names: s.guess.names.slice(0, 6).join('、') })}</>}
        {s.userList && <><br />{t('layers.geo.gaz.listInUse', { file: s.userList.fileName, count: s.userList.count, mode: t(`layers.geo.gaz.${s.userList.mode}`) })}</>}
        {imported && <><br />{t('layers.geo.gaz.listImported', { imported: imported.imported, rows: imported.rows })}{imported.problems.length > 0 && t('layers.geo.gaz.listProblems', { count: imported.problems.length, rows: problemRows })}</>}
        <br />{t('layers.geo.gaz.shipped', { count: s.shipped.toLocaleString(currentLocale()) })}
        <br />{t('layers.geo.gaz.note')}
      </Typography.Paragraph>
      {error != null && <Alert type="error" showIcon style={{ marginTop: 6 }} title={errorText(error, currentLocale())} />}
    </div>
  );
}
