import { ComingSoon } from '../../components/ComingSoon';

/** Text: placeholder until its issue lands (reads the global filter through ScreenHeader). */
export function TextScreen() {
  return <ComingSoon screen="text" />;
}
