import { ComingSoon } from '../../components/ComingSoon';

/** Reports: placeholder until its issue lands (reads the global filter through ScreenHeader). */
export function ReportsScreen() {
  return <ComingSoon screen="reports" />;
}
