import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFilters } from '../../state/filters';

const DEBOUNCE_MS = 400;

/** Free-text query of the global filter: applied on Enter, on clear, or after a pause in typing. */
export function QueryInput() {
  const { t } = useTranslation();
  const q = useFilters((s) => s.filter.q ?? '');
  const setQuery = useFilters((s) => s.setQuery);
  const [text, setText] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  if (q !== seenQ) {
    // the store changed from elsewhere (e.g. "clear filters"): show it unless it is our own echo
    setSeenQ(q);
    if (text.trim() !== q) setText(q);
  }
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => setQuery(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q, setQuery]);
  return (
    <Input.Search
      data-testid="filter-query"
      allowClear
      maxLength={200}
      style={{ width: 210 }}
      placeholder={t('filter.query')}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => setQuery(v)}
    />
  );
}
