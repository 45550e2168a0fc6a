import type { ReactNode } from 'react';
import {
  AlertOutlined, AuditOutlined, BarChartOutlined, CloudUploadOutlined, EnvironmentOutlined,
  FileTextOutlined, FontSizeOutlined, QuestionCircleOutlined, SafetyCertificateOutlined, SettingOutlined,
} from '@ant-design/icons';
import type { ScreenName } from './routes';

/** Icons of the navigation, in loop order: collect → analyse → warn → evaluate → report → trace. */
export const NAV_ICONS: Record<ScreenName, ReactNode> = {
  import: <CloudUploadOutlined />,
  map: <EnvironmentOutlined />,
  trends: <BarChartOutlined />,
  text: <FontSizeOutlined />,
  alerts: <AlertOutlined />,
  evaluation: <SafetyCertificateOutlined />,
  reports: <FileTextOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
  help: <QuestionCircleOutlined />,
};
