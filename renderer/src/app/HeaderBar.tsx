import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { LangSwitch } from './LangSwitch';

/** Top bar: brand, project name, the SYNTHETIC marker, the derived-data-pending marker and the language switch. */
export function HeaderBar() {
  const { t } = useTranslation();
  const project = useSession((s) => s.project);
  return (
    <header className="ms-header">
      <span className="ms-brand">{t('app.name')}</span>
      {project && <span className="ms-project-name" data-testid="project-name" title={project.path}>{project.name}</span>}
      {project?.synthetic && (
        <Tooltip title={t('header.syntheticHint')}>
          <Tag color="orange" data-testid="synthetic-tag" style={{ fontWeight: 600 }}>{t('header.synthetic')}</Tag>
        </Tooltip>
      )}
      {project?.derivedPending && (
        <Tooltip title={t('import.derived.pendingHint')}>
          <Tag color="processing" data-testid="derived-pending">{t('import.derived.pending')}</Tag>
        </Tooltip>
      )}
      <span className="ms-header-spacer" />
      <LangSwitch />
    </header>
  );
}
