import { describe, expect, it } from 'vitest';
import { revealArea, visibleBeside } from '../../../renderer/src/features/map/reveal';

const visible = { minX: 0, minY: 0, maxX: 500, maxY: 600 };

describe('revealArea: keep a selected area out from under the statistics drawer', () => {
  it('leaves the map alone when the area is inside the visible part', () => {
    expect(revealArea({ minX: 100, minY: 100, maxX: 300, maxY: 300 }, visible)).toEqual({ kind: 'none' });
  });

  it('pans just enough to bring an area under the drawer back into view, keeping the margin', () => {
    // right edge 700 must end at 500 − 24 = 476: the content moves 224 px left (panBy dx = +224)
    expect(revealArea({ minX: 400, minY: 100, maxX: 700, maxY: 300 }, visible)).toEqual({ kind: 'pan', dx: 224, dy: 0 });
    // beyond the top and the left edge: negative offsets
    expect(revealArea({ minX: -50, minY: -10, maxX: 100, maxY: 100 }, visible)).toEqual({ kind: 'pan', dx: -74, dy: -34 });
  });

  it('asks for a fit when the area is wider or taller than the visible part', () => {
    expect(revealArea({ minX: 0, minY: 0, maxX: 480, maxY: 100 }, visible)).toEqual({ kind: 'fit' });
    expect(revealArea({ minX: 0, minY: 0, maxX: 100, maxY: 590 }, visible)).toEqual({ kind: 'fit' });
  });

  it('does nothing when the drawer leaves no room at all', () => {
    expect(revealArea({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, { minX: 0, minY: 0, maxX: 30, maxY: 600 })).toEqual({ kind: 'none' });
  });
});

describe('visibleBeside', () => {
  it('is the container minus the part the drawer covers on the window’s right edge', () => {
    // container from x = 500 to 1420 in a 1440 px window, drawer 440 px: visible up to window x 1000 → 500 px
    expect(visibleBeside({ left: 500, top: 200, width: 920, height: 600 }, 1440, 440)).toEqual({ minX: 0, minY: 0, maxX: 500, maxY: 600 });
    // a narrow drawer that leaves the whole container visible
    expect(visibleBeside({ left: 0, top: 0, width: 800, height: 600 }, 1440, 440)).toEqual({ minX: 0, minY: 0, maxX: 800, maxY: 600 });
  });
});
