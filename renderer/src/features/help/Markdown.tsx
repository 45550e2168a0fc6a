import { Fragment, type ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import type { Block, Inline } from './markdown';
import { helpLinkTarget, openHelp, type HelpPage } from './manual';

/** Renders the manual's Markdown tree as React elements (never as HTML). */
function inline(nodes: readonly Inline[], page: HelpPage): ReactNode {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text': return <Fragment key={i}>{n.v}</Fragment>;
      case 'code': return <code key={i}>{n.v}</code>;
      case 'strong': return <strong key={i}>{inline(n.c, page)}</strong>;
      case 'em': return <em key={i}>{inline(n.c, page)}</em>;
      case 'link': {
        const target = helpLinkTarget(n.href, page);
        if (target) {
          return <a key={i} href={`#/help/${target.page}`} data-help-link={target.page} onClick={(e) => { e.preventDefault(); openHelp(target.page, target.anchor); }}>{inline(n.c, page)}</a>;
        }
        // Offline: external addresses are shown, not followed.
        return <Fragment key={i}>{inline(n.c, page)}{n.href.startsWith('http') && <Typography.Text type="secondary"> ({n.href})</Typography.Text>}</Fragment>;
      }
    }
  });
}

function block(b: Block, key: number, page: HelpPage): ReactNode {
  switch (b.t) {
    case 'heading': {
      const Tag = `h${Math.min(b.level + 1, 6)}` as 'h2';
      return <Tag key={key} id={b.id}>{inline(b.c, page)}</Tag>;
    }
    case 'para': return <p key={key}>{inline(b.c, page)}</p>;
    case 'list': {
      const items = b.items.map((it, i) => <li key={i}>{inline(it.c, page)}{it.sub.map((s, j) => block(s, j, page))}</li>);
      return b.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'table':
      return (
        <div key={key} className="ms-help-table">
          <table>
            <thead><tr>{b.head.map((c, i) => <th key={i} style={{ textAlign: b.align[i] ?? 'left' }}>{inline(c, page)}</th>)}</tr></thead>
            <tbody>{b.rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j} style={{ textAlign: b.align[j] ?? 'left' }}>{inline(c, page)}</td>)}</tr>)}</tbody>
          </table>
        </div>
      );
    case 'code': return <pre key={key} className={b.lang === 'math' ? 'ms-help-math' : undefined}><code>{b.v}</code></pre>;
    case 'quote': return <Alert key={key} type="info" showIcon={false} style={{ margin: '12px 0' }} description={b.c.map((c, i) => block(c, i, page))} />;
    case 'rule': return <hr key={key} />;
  }
}

export function Markdown({ blocks, page }: { blocks: readonly Block[]; page: HelpPage }) {
  return <div className="ms-help-content" data-testid="help-content">{blocks.map((b, i) => block(b, i, page))}</div>;
}
