import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useImportWizard } from '../import-store';
import { StepFile } from './StepFile';
import { StepMapping } from './StepMapping';
import { StepPreview } from './StepPreview';
import { StepRun } from './StepRun';

/** The four steps of an import: file → preview & settings → mapping → run & result. */
export function NewImport() {
  const { t } = useTranslation();
  const step = useImportWizard((s) => s.step);
  const setStep = useImportWizard((s) => s.setStep);
  const hasPreview = useImportWizard((s) => s.preview !== null);
  const run = useImportWizard((s) => s.run);
  const locked = run !== null && run.status !== 'failed' && run.status !== 'cancelled';

  // Steps can be revisited by clicking them, except while (or after) an import ran.
  const canGo = (i: number) => !locked && (i === 0 || hasPreview);
  return (
    <div data-testid="import-new">
      <Steps
        size="small"
        current={step}
        onChange={(i) => { if (canGo(i)) setStep(i); }}
        style={{ marginBottom: 20, maxWidth: 900 }}
        items={[
          { title: t('import.steps.file'), disabled: !canGo(0) },
          { title: t('import.steps.preview'), disabled: !canGo(1) },
          { title: t('import.steps.mapping'), disabled: !canGo(2) },
          { title: t('import.steps.run'), disabled: !canGo(3) },
        ]}
      />
      {step === 0 && <StepFile />}
      {step === 1 && hasPreview && <StepPreview />}
      {step === 2 && hasPreview && <StepMapping />}
      {step === 3 && hasPreview && <StepRun />}
    </div>
  );
}
