import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { recordColumns } from '../../../renderer/src/features/records/columns';

const t = ((k: string) => k) as unknown as TFunction;
const titleRender = (mask: boolean) => {
  const col = recordColumns(t, (c) => c ?? '', undefined, mask).find((c) => c.key === 'title') as { render: (v: string | null) => unknown };
  return col.render;
};

describe('records table: the mask-personal-information preference', () => {
  const title = '来电人13812345678反映，身份证110101199003070011（校验位有效）';
  it('masks phone and ID-card numbers in the title when the preference is on', () => {
    const shown = String(titleRender(true)(title));
    expect(shown).not.toContain('13812345678');
    expect(shown).not.toContain('110101199003070011');
    expect(shown).toContain('来电人');
  });
  it('shows the text as stored when the preference is off, and leaves empty titles alone', () => {
    expect(titleRender(false)(title)).toBe(title);
    expect(titleRender(true)(null)).toBeNull();
  });
});
