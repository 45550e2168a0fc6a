import { useTranslation } from 'react-i18next';
import type { ReportSpecInput } from '../../../../../shared/domain/report/spec';
import { currentLocale } from '../../../app/i18n';
import { useFilter } from '../../../state/filters';
import { useReport } from './report-store';
import { buildSpec, reportFilter } from './sections';

/** The spec as it stands, its key (for "preview is stale") and what keeps it from being rendered. */
export function useSpec(): { spec: ReportSpecInput; key: string; problem: string | null } {
  const { t } = useTranslation();
  const global = useFilter();
  const { meta, kind, sections, period } = useReport();
  const spec = buildSpec(meta, kind, sections, reportFilter(global, period), currentLocale());
  const problem = !spec.title ? t('report.meta.needTitle') : !sections.length ? t('report.export.needSections') : null;
  return { spec, key: JSON.stringify(spec), problem };
}
