import { ComingSoon } from '../../components/ComingSoon';

/** Alerts: placeholder until its issue lands (reads the global filter through ScreenHeader). */
export function AlertsScreen() {
  return <ComingSoon screen="alerts" />;
}
