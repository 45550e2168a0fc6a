import { ComingSoon } from '../../components/ComingSoon';

/** Map: placeholder until its issue lands (reads the global filter through ScreenHeader). */
export function MapScreen() {
  return <ComingSoon screen="map" />;
}
