import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';
import { currentLocale } from './i18n';

function Fallback({ error, onReset }: { error: unknown; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('errors.boundaryTitle')}
      subTitle={<>{t('errors.boundaryHint')}<br />{errorText(error, currentLocale())}</>}
      extra={<Button type="primary" onClick={onReset}>{t('common.retry')}</Button>}
    />
  );
}

interface Props { children: ReactNode }
interface State { error: unknown; failed: boolean }

/** Catches render errors of a subtree and offers a retry instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override render() {
    if (this.state.failed) {
      return <Fallback error={this.state.error} onReset={() => this.setState({ error: null, failed: false })} />;
    }
    return this.props.children;
  }
}
