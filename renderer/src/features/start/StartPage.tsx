import { useEffect, useState } from 'react';
import { Button, Card, Col, Row, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RecentProject } from '../../../../shared/model/project';
import { boot } from '../../app/boot';
import { LangSwitch } from '../../app/LangSwitch';
import { api } from '../../platform/select';
import { useSession } from '../../state/session';
import { cancelJob, openDemo } from './demo';
import { DemoProgress } from './DemoProgress';
import { ProjectForms } from './ProjectForms';
import { RecentProjects } from './RecentProjects';
import { StartNotice } from './StartNotice';
import { useStartAction } from './useStartAction';

/** Shown when no project is open: new, open, recent, demo (with generation progress). */
export function StartPage() {
  const { t } = useTranslation();
  const job = useSession((s) => s.job);
  const bootError = useSession((s) => s.bootError);
  const { busy, run } = useStartAction();
  const [recent, setRecent] = useState<RecentProject[] | undefined>(undefined);

  useEffect(() => {
    if (job || bootError != null) return;
    let live = true;
    api.call('project.recent', {}).then((r) => { if (live) setRecent(r); }, () => undefined);
    return () => { live = false; };
  }, [job, bootError]);

  const setProject = useSession.getState().setProject;
  const create = (path: string) => run('create', async () => setProject(await api.call('project.create', { path })));
  const open = (path: string) => run('open', async () => setProject(await api.call('project.open', { path })));
  const forget = (path: string) => run('forget', async () => setRecent(await api.call('project.forgetRecent', { path })));
  const demo = () => run('demo', openDemo);
  const cancel = () => job && run('cancel', () => cancelJob(job.jobId));

  return (
    <div className="ms-start" data-testid="screen-start">
      <header className="ms-header">
        <span className="ms-brand">{t('app.fullName')}</span>
        <span className="ms-header-spacer" />
        <LangSwitch />
      </header>
      <div className="ms-start-body">
        <Typography.Title level={2}>{t('start.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('start.subtitle')}</Typography.Paragraph>
        <StartNotice />
        {bootError != null && (
          <Button type="primary" onClick={() => void boot(true)} style={{ marginBottom: 16 }}>{t('common.retry')}</Button>
        )}
        {job ? (
          <DemoProgress job={job} onCancel={cancel} cancelling={busy === 'cancel'} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Row gutter={[16, 16]}>
                <Col span={24}>
                  <Card title={t('start.demoTitle')}>
                    <Typography.Paragraph type="secondary">{t('start.demoHint')}</Typography.Paragraph>
                    <Button type="primary" size="large" icon={<ExperimentOutlined />} data-testid="open-demo"
                      loading={busy === 'demo'} disabled={busy !== null && busy !== 'demo'} onClick={demo}>
                      {t('start.openDemo')}
                    </Button>
                  </Card>
                </Col>
                <Col span={24}><ProjectForms busy={busy} onCreate={create} onOpen={open} /></Col>
              </Row>
            </Col>
            <Col xs={24} lg={10}>
              <RecentProjects recent={recent} loading={recent === undefined} busy={busy !== null} onOpen={open} onForget={forget} />
            </Col>
          </Row>
        )}
      </div>
    </div>
  );
}
