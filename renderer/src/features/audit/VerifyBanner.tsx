import { Alert, Button, Typography } from 'antd';
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { formatAuditTime } from './format';

type Verification = OutputOf<'audit.verify'>;

/** The chain's state: intact (with the last hash) or the first broken entry and why. */
export function VerifyBanner({ v, onVerify, onShow, busy }: { v: Verification | undefined; onVerify(): void; onShow(id: number): void; busy: boolean }) {
  const { t } = useTranslation();
  const again = <Button size="small" loading={busy} onClick={onVerify} data-testid="audit-verify">{t('audit.verify')}</Button>;
  if (!v) return <Alert type="info" showIcon title={t('common.loading')} action={again} />;
  if (v.ok) {
    return (
      <Alert data-testid="audit-intact" type="success" showIcon icon={<SafetyCertificateOutlined />} action={again}
        title={t('audit.intact', { entries: v.entries, time: formatAuditTime(v.checkedAt) })}
        description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('audit.intactDetail', { hash: v.lastHash ?? '—' })}</Typography.Text>} />
    );
  }
  return (
    <Alert data-testid="audit-broken" type="error" showIcon icon={<WarningOutlined />}
      title={t('audit.broken', { id: v.brokenAt, what: t(v.reason === 'link' ? 'audit.brokenLink' : 'audit.brokenContent') })}
      description={v.afterId !== null ? t('audit.brokenAfter', { id: v.afterId, n: v.entries - 1 }) : undefined}
      action={<>{v.brokenAt !== null && <Button size="small" danger onClick={() => onShow(v.brokenAt!)}>{t('audit.brokenShow')}</Button>} {again}</>} />
  );
}
