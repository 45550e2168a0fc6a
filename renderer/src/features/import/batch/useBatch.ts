import type { OutputOf } from '../../../../../shared/api/contract';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { useProjectKey } from '../hooks';
import { useTranslation } from 'react-i18next';

export type BatchDetails = OutputOf<'import.batch'>;
export type RejectReason = BatchDetails['rejectReasons'][number];
export type QualityReport = NonNullable<BatchDetails['quality']>;

/** One batch with its quality report and reject reasons (messages in the UI language). */
export function useBatch(batchId: number | null) {
  const key = useProjectKey();
  const { i18n } = useTranslation();
  return useAsync<BatchDetails | null>(
    () => (batchId === null ? Promise.resolve(null) : api.call('import.batch', { batchId })),
    `${batchId ?? ''}|${key}|${i18n.language}`,
  );
}
