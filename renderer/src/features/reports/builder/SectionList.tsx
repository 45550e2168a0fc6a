import { useState, type KeyboardEvent } from 'react';
import { Button, Card, Dropdown, Empty, Flex, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SECTION_KINDS, type Section } from '../../../../../shared/domain/report/spec';
import { useBasket } from '../basket';
import { useReport } from './report-store';
import { danglingItems, moveItem } from './sections';

/** A section's one-line summary: its title or the kind's name, and what it is set to show. */
export function useSectionLabel() {
  const { t } = useTranslation();
  return (s: Section) => s.title || t(`report.sections.kinds.${s.kind}`);
}

/**
 * The ordered section list: add from a menu, reorder by dragging the handle, by the up/down buttons or
 * with ↑/↓ on the focused handle, remove; a click selects the section for the editor panel.
 */
export function SectionList() {
  const { t } = useTranslation();
  const { sections, selected, add, move, remove, reorder, set } = useReport();
  const label = useSectionLabel();
  const basket = useBasket((s) => s.items);
  const dangling = new Set(danglingItems(sections, basket ? basket.map((b) => b.id) : null));
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [live, setLive] = useState('');
  const onKey = (e: KeyboardEvent, s: Section, i: number) => {
    const delta = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    if (!delta) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(sections.length - 1, i + delta));
    move(s.id, delta);
    setLive(t('report.sections.moved', { n: to + 1 }));
    // keep the focus on the moved row's handle
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-handle="${s.id}"]`)?.focus());
  };
  const menu = SECTION_KINDS.map((k) => ({
    key: k,
    label: <Flex vertical><span>{t(`report.sections.kinds.${k}`)}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`report.sections.hints.${k}`)}</Typography.Text></Flex>,
  }));
  return (
    <Card size="small" title={t('report.sections.title')} data-testid="report-sections"
      extra={(
        <Dropdown menu={{ items: menu, onClick: ({ key }) => add(key as Section['kind']), style: { maxHeight: 420, overflow: 'auto' } }} trigger={['click']}>
          <Button size="small" type="primary" icon={<PlusOutlined />} data-testid="report-add-section">{t('report.sections.add')}</Button>
        </Dropdown>
      )}>
      <span aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>{live}</span>
      {!sections.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.sections.empty')} /> : (
        <ol className="ms-report-sections" data-testid="report-section-list">
          {sections.map((s, i) => (
            <li key={s.id} data-testid={`report-section-${s.id}`} data-kind={s.kind}
              className={`${selected === s.id ? 'is-selected' : ''} ${over === i && dragging !== null && dragging !== i ? 'is-over' : ''}`}
              onClick={() => set({ selected: s.id })}
              onDragOver={(e) => { if (dragging !== null) { e.preventDefault(); setOver(i); } }}
              onDrop={(e) => { e.preventDefault(); if (dragging !== null) reorder(moveItem(sections, dragging, i)); setDragging(null); setOver(null); }}>
              <span className="ms-report-handle" draggable tabIndex={0} role="button" data-handle={s.id}
                aria-label={`${label(s)} · ${t('report.sections.drag')}`} title={t('report.sections.drag')}
                onDragStart={(e) => { setDragging(i); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', s.id); }}
                onDragEnd={() => { setDragging(null); setOver(null); }}
                onKeyDown={(e) => onKey(e, s, i)}><HolderOutlined /></span>
              <span className="ms-report-num">{i + 1}</span>
              <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong ellipsis>{label(s)}{dangling.has(s.id) && <Tag color="error" style={{ marginInlineStart: 6 }}>{t('report.sections.missingItem')}</Tag>}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {s.title ? <Tag bordered={false} style={{ marginInlineEnd: 4 }}>{t(`report.sections.kinds.${s.kind}`)}</Tag> : null}{s.caption ?? t(`report.sections.hints.${s.kind}`)}
                </Typography.Text>
              </Flex>
              <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={(e) => { e.stopPropagation(); move(s.id, -1); }} aria-label={t('report.sections.up')} title={t('report.sections.up')} />
              <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === sections.length - 1} onClick={(e) => { e.stopPropagation(); move(s.id, 1); }} aria-label={t('report.sections.down')} title={t('report.sections.down')} />
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={(e) => { e.stopPropagation(); remove(s.id); }} aria-label={t('report.sections.remove')} title={t('report.sections.remove')} data-testid={`report-section-remove-${s.id}`} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
