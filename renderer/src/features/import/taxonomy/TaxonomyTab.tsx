import { useState } from 'react';
import { Col, Row } from 'antd';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { JobBanner } from '../common/JobBanner';
import { useJobRunner, useProjectKey } from '../hooks';
import { CrosswalkPanel } from './CrosswalkPanel';
import { TaxonomyTreeCard } from './TaxonomyTreeCard';

const JOB_TEXT: Record<string, { running: string; done: string }> = {
  'taxonomy.import': { running: 'import.taxonomy.importing', done: 'import.taxonomy.imported' },
  'taxonomy.fromData': { running: 'import.taxonomy.building', done: 'import.taxonomy.built' },
  'crosswalk.apply': { running: 'import.taxonomy.applying', done: 'import.taxonomy.applied' },
};

/** The unified taxonomy (tree, import from file) and each source's crosswalk onto it. */
export function TaxonomyTab() {
  const projectKey = useProjectKey();
  const [reload, setReload] = useState(0);
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const tree = useAsync(() => api.call('taxonomy.tree', {}), `${projectKey}|${reload}`);
  const jobs = useJobRunner((end, kind) => {
    setReload((n) => n + 1);
    if (end.job.status === 'succeeded' && kind !== 'taxonomy.import') setDirty(new Set());
  });
  const text = JOB_TEXT[jobs.run?.kind ?? ''] ?? JOB_TEXT['crosswalk.apply'];

  return (
    <div data-testid="import-taxonomy">
      <JobBanner run={jobs.run} runningText={text.running} doneText={text.done} onCancel={() => void jobs.cancel()} onClose={jobs.clear} testId="taxonomy-job" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={8}>
          <TaxonomyTreeCard
            nodes={tree.data ?? []}
            loading={tree.loading}
            error={tree.error}
            busy={jobs.running}
            onImport={(path) => void jobs.start('taxonomy.import', () => api.call('taxonomy.import', { path }))}
          />
        </Col>
        <Col xs={24} xxl={16}>
          <CrosswalkPanel
            nodes={tree.data ?? []}
            reloadKey={`${projectKey}|${reload}`}
            busy={jobs.running}
            dirty={dirty}
            onChanged={(source) => setDirty((d) => new Set(d).add(source))}
            onFromData={(sourceCode) => void jobs.start('taxonomy.fromData', () => api.call('taxonomy.fromData', sourceCode ? { sourceCode } : {}))}
            onApply={(sourceCode) => void jobs.start('crosswalk.apply', () => api.call('crosswalk.apply', sourceCode ? { sourceCode } : {}))}
          />
        </Col>
      </Row>
    </div>
  );
}
