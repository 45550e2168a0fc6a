import { ComingSoon } from '../../components/ComingSoon';

/** Audit: placeholder until its issue lands (reads the global filter through ScreenHeader). */
export function AuditScreen() {
  return <ComingSoon screen="audit" />;
}
