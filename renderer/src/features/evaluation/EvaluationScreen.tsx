import { ComingSoon } from '../../components/ComingSoon';

/** Evaluation: placeholder until its issue lands (reads the global filter through ScreenHeader). */
export function EvaluationScreen() {
  return <ComingSoon screen="evaluation" />;
}
