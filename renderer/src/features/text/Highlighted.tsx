import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { highlightSegments } from '../../../../shared/domain/text/highlight';

/** A text with search hits marked and personal information masked (unless revealed). */
export function Highlighted({ text, terms, reveal }: { text: string | null; terms: readonly string[]; reveal: boolean }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <>
      {highlightSegments(text, terms, { maskPii: !reveal }).map((s, i) => {
        if (s.pii) {
          return (
            <Tooltip key={i} title={t(`text.pii.kinds.${s.pii}`)}>
              <span className="ms-pii" data-pii={s.pii} style={{ background: '#fff1f0', color: '#cf1322', borderRadius: 3, padding: '0 2px' }}>{s.text}</span>
            </Tooltip>
          );
        }
        if (s.hit) return <mark key={i} className="ms-hit" style={{ background: '#ffe58f', padding: 0 }}>{s.text}</mark>;
        return <span key={i}>{s.text}</span>;
      })}
    </>
  );
}
