import { useState } from 'react';
import { App } from 'antd';
import { startWatchedJob, type JobEnd } from '../import/job-watch';
import { errorText, jobErrorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';

export interface JobProgress { done: number; total: number | null; message: string }

/** Runs one alerts job at a time, follows its progress, bumps `version` when it ends so views reload. */
export function useAlertsJob(onSuccess?: (name: string, result: unknown) => void) {
  const { message } = App.useApp();
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [version, setVersion] = useState(0);
  const finish = (name: string, end: JobEnd) => {
    setRunning(null);
    setProgress(null);
    setVersion((v) => v + 1);
    if (end.error) void message.error(jobErrorText(end.error, currentLocale()));
    else if (end.job.status === 'succeeded') onSuccess?.(name, end.result);
  };
  const run = async (name: string, start: () => Promise<{ jobId: string }>): Promise<void> => {
    setRunning(name);
    setProgress({ done: 0, total: null, message: '' });
    try {
      await startWatchedJob(start, {
        progress: (p) => setProgress({ done: p.done, total: p.total ?? null, message: p.message ?? '' }),
        done: (end) => finish(name, end),
      });
    } catch (e) {
      setRunning(null);
      setProgress(null);
      void message.error(errorText(e, currentLocale()));
    }
  };
  return { running, progress, version, run };
}
