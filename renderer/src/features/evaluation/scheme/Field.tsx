import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A labelled control in the scheme forms. */
export function Field({ label, children, width = 260 }: { label: string; children: ReactNode; width?: number | string }) {
  return (
    <div style={{ width, marginBottom: 12 }}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>{label}</Typography.Text>
      {children}
    </div>
  );
}
