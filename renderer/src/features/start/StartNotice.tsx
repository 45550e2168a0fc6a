import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, jobErrorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { useSession, type Notice } from '../../state/session';

function text(n: Notice, t: (k: string, o?: Record<string, unknown>) => string): string {
  const locale = currentLocale();
  switch (n.kind) {
    case 'error': return errorText(n.error, locale);
    case 'jobFailed': return t('start.jobFailed', { error: jobErrorText(n.error, locale) });
    case 'jobCancelled': return t('start.jobCancelled');
    case 'autoDemo': return t('start.autoDemo');
  }
}

/** The start page's message (errors, job outcome), rendered in the current language. */
export function StartNotice() {
  const { t } = useTranslation();
  const notice = useSession((s) => s.notice);
  const bootError = useSession((s) => s.bootError);
  const shown: Notice | null = bootError != null ? { kind: 'error', error: bootError } : notice;
  if (!shown) return null;
  const type = shown.kind === 'autoDemo' ? 'info' : shown.kind === 'jobCancelled' ? 'warning' : 'error';
  return (
    <Alert
      data-testid="start-notice"
      type={type}
      showIcon
      closable={bootError == null ? { onClose: () => useSession.getState().setNotice(null) } : false}
      title={text(shown, t)}
      style={{ marginBottom: 16 }}
    />
  );
}
