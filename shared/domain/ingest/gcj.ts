/**
 * Allocation-free GCJ-02 / BD-09 → WGS-84 for the row mapper's hot path: the same formulas and the same
 * iteration (to 1e-6°) as gcoord 1.x (MIT, hujiulong/gcoord), whose `transform` costs ~3 µs a call in
 * argument checks alone. Tests pin this port to gcoord over a grid of Chinese points.
 */

const { sin, cos, sqrt, abs, atan2, PI } = Math;
const A = 6378245;
const EE = 0.006693421622965823;
const BAIDU = (PI * 3000.0) / 180.0;

function inChinaBox(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

let dLonOut = 0;
let dLatOut = 0;

/** WGS-84 → GCJ-02 offset at (lon, lat), written to dLonOut / dLatOut. */
function delta(lon: number, lat: number): void {
  const x = lon - 105;
  const y = lat - 35;
  const common = ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x)) + common;
  dLat += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  dLat += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x)) + common;
  dLon += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  dLon += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  const radLat = (lat / 180) * PI;
  let magic = sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = sqrt(magic);
  dLonOut = (dLon * 180) / ((A / sqrtMagic) * cos(radLat) * PI);
  dLatOut = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
}

/** Result of the last conversion. */
export const converted = { lon: 0, lat: 0 };

/** GCJ-02 → WGS-84 into `converted` (points outside China unchanged). */
export function gcj02ToWgs84(lon: number, lat: number): void {
  if (!inChinaBox(lon, lat)) { converted.lon = lon; converted.lat = lat; return; }
  let wLon = lon;
  let wLat = lat;
  delta(wLon, wLat);
  let dx = wLon + dLonOut - lon;
  let dy = wLat + dLatOut - lat;
  for (let k = 0; k < 30 && (abs(dx) > 1e-6 || abs(dy) > 1e-6); k++) {
    wLon -= dx;
    wLat -= dy;
    if (inChinaBox(wLon, wLat)) {
      delta(wLon, wLat);
      dx = wLon + dLonOut - lon;
      dy = wLat + dLatOut - lat;
    } else { // gcoord's forward step leaves such points unshifted
      dx = wLon - lon;
      dy = wLat - lat;
    }
  }
  converted.lon = wLon;
  converted.lat = wLat;
}

/** BD-09 → WGS-84 into `converted` (via GCJ-02, as gcoord does). */
export function bd09ToWgs84(lon: number, lat: number): void {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = sqrt(x * x + y * y) - 0.00002 * sin(y * BAIDU);
  const theta = atan2(y, x) - 0.000003 * cos(x * BAIDU);
  gcj02ToWgs84(z * cos(theta), z * sin(theta));
}
