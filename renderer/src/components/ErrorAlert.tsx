import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/errors';
import { currentLocale } from '../app/i18n';

/** An API error in the current UI language; `template` is an i18n key with an {{error}} slot. */
export function ErrorAlert({ error, template }: { error: unknown; template?: string }) {
  const { t } = useTranslation();
  const text = errorText(error, currentLocale());
  return <Alert type="error" showIcon title={template ? t(template, { error: text }) : text} style={{ marginBottom: 12 }} />;
}
