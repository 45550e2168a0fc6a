import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Card, Input, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../app/i18n';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Markdown } from './Markdown';
import { blocksOf, DOC_PAGES, isDocPage, navTitle, openHelp, pageTitle, parseHelpHash, searchManual, TOOL_PAGES, type HelpPage } from './manual';
import { LogsPage, ShortcutsPage, UpdatePage } from './ToolPages';
import './help.css';

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}
const useHelpHash = () => useSyncExternalStore(subscribe, () => window.location.hash, () => '');

/** 帮助: the offline manual (Markdown from resources/help), shortcuts, logs and the offline version check. */
export function HelpScreen() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const { page, anchor } = parseHelpHash(useHelpHash());
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchManual(query, locale), [query, locale]);

  useEffect(() => {
    const el = anchor ? document.getElementById(anchor) : document.querySelector('.ms-content');
    if (anchor && el) el.scrollIntoView({ block: 'start' });
    else document.querySelector('.ms-content')?.scrollTo({ top: 0 });
  }, [page, anchor]);

  const docItems = DOC_PAGES.map((p) => ({ key: p, label: <span data-testid={`help-nav-${p}`} title={pageTitle(p, locale)}>{navTitle(p, locale)}</span> }));
  const toolItems = TOOL_PAGES.map((p) => ({ key: p, label: <span data-testid={`help-nav-${p}`}>{t(`help.tools.${p}`)}</span> }));
  const shown = query.trim() ? docItems.filter((i) => hits.some((h) => h.page === i.key)) : docItems;

  return (
    <div data-testid="screen-help" key={i18n.language}>
      <ScreenHeader screen="help" />
      <div className="ms-help-layout">
        <Card className="ms-help-nav" size="small" styles={{ body: { padding: 8 } }}>
          <Input.Search data-testid="help-search" allowClear placeholder={t('help.search')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 8 }} />
          {query.trim() && shown.length === 0 && <Typography.Text type="secondary">{t('help.noHits')}</Typography.Text>}
          <Menu
            mode="inline"
            selectedKeys={[page]}
            onClick={(e) => openHelp(e.key as HelpPage)}
            items={[
              { type: 'group', key: 'manual', label: t('help.manual'), children: shown },
              { type: 'group', key: 'tools', label: t('help.toolsGroup'), children: toolItems },
            ]}
          />
        </Card>
        <div className="ms-help-main" data-testid={`help-page-${page}`}>
          {isDocPage(page) && <Card><Markdown blocks={blocksOf(page, locale)} page={page} /></Card>}
          {page === 'shortcuts' && <ShortcutsPage />}
          {page === 'logs' && <LogsPage />}
          {page === 'update' && <UpdatePage />}
        </div>
      </div>
    </div>
  );
}
