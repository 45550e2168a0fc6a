import type { ComponentType } from 'react';
import { AlertsScreen } from '../features/alerts/AlertsScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { EvaluationScreen } from '../features/evaluation/EvaluationScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { MapScreen } from '../features/map/MapScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TextScreen } from '../features/text/TextScreen';
import { TrendsScreen } from '../features/trends/TrendsScreen';
import type { ScreenName } from './routes';

export const SCREEN_COMPONENTS: Record<ScreenName, ComponentType> = {
  import: ImportScreen,
  map: MapScreen,
  trends: TrendsScreen,
  text: TextScreen,
  alerts: AlertsScreen,
  evaluation: EvaluationScreen,
  reports: ReportsScreen,
  audit: AuditScreen,
  settings: SettingsScreen,
  help: HelpScreen,
};
