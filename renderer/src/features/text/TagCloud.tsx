import { useEffect, useRef, useState } from 'react';
import { layoutCloud, type CloudWord } from './cloud-layout';

const COLORS = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#749f83', '#ca8622', '#bda29a', '#6e7074', '#546570', '#c4ccd3'];

/** An SVG tag cloud (词云); clicking a word calls onPick. */
export function TagCloud({ words, height = 360, onPick }: { words: CloudWord[]; height?: number; onPick?(term: string): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const placed = layoutCloud(words, width, height);
  return (
    <div ref={ref} style={{ width: '100%' }}>
      <svg width={width} height={height} data-testid="tag-cloud" role="img">
        {placed.map((p, i) => (
          <text
            key={p.term} data-term={p.term} x={p.x} y={p.y} fontSize={p.size} textAnchor="middle" dominantBaseline="central"
            fill={COLORS[i % COLORS.length]} style={{ cursor: onPick ? 'pointer' : 'default', fontWeight: i < 5 ? 600 : 400 }}
            onClick={() => onPick?.(p.term)}
          >
            <title>{`${p.term} ${p.weight.toFixed(1)}`}</title>
            {p.term}
          </text>
        ))}
      </svg>
    </div>
  );
}
