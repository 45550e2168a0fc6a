import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { startWatchedJob } from '../import/job-watch';
import { errorText, jobErrorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';

/** Runs a text job, follows its progress and bumps `version` when it ends so views reload. */
export function useTextJob() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<string>('');
  const [version, setVersion] = useState(0);
  const run = async (name: string, start: () => Promise<{ jobId: string }>): Promise<void> => {
    setRunning(name);
    setProgress('');
    try {
      await startWatchedJob(start, {
        progress: (p) => setProgress(`${p.message ?? ''} ${p.done}${p.total ? `/${p.total}` : ''}`),
        done: (end) => {
          setRunning(null);
          setVersion((v) => v + 1);
          if (end.error) void message.error(jobErrorText(end.error, currentLocale()));
          else void message.success(t('text.jobDone'));
        },
      });
    } catch (e) {
      setRunning(null);
      void message.error(errorText(e, currentLocale()));
    }
  };
  return { running, progress, version, run };
}
