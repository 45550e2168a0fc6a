import { useEffect, useState } from 'react';
import { Button, Flex, Segmented, Slider, Typography } from 'antd';
import { CloseOutlined, PauseOutlined, CaretRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMapStore, type Step } from './map-store';
import { DAY, frameEnd, frameStart, ymd } from './time-frames';

/**
 * Time: a range slider selects the window the map shows; playback moves a frame of a day, week or
 * month through that window (the slider then shows the frame). The map, legend and counts follow
 * (within the global filter). `idle` tells when the map has drawn the current frame, so playback
 * never outruns rendering.
 */
export function TimeBar({ range, idle, count }: { range: { min: number | null; max: number | null }; idle: boolean; count: number | null }) {
  const { t } = useTranslation();
  const { time, set } = useMapStore();
  const { min, max } = range;
  // While the user drags, the handles move locally; the window (and the map) change on release.
  const [drag, setDrag] = useState<number[] | null>(null);
  const lo = time.range?.[0] ?? min; const hi = time.range?.[1] ?? (max === null ? null : max + 1);
  useEffect(() => {
    if (!time.playing || !idle || lo === null || hi === null || time.frame === null) return;
    const h = setTimeout(() => {
      const next = frameEnd(time.frame!, time.step);
      set({ time: next >= hi ? { ...time, playing: false } : { ...time, frame: next } });
    }, 900);
    return () => clearTimeout(h);
  }, [time, idle, lo, hi, set]);
  if (min === null || max === null || lo === null || hi === null) return null;
  const start = frameStart(min, time.step);
  const setStep = (step: Step) => set({ time: { ...time, step, frame: time.frame === null ? null : frameStart(time.frame, step) } });
  const play = () => set({ time: { ...time, playing: !time.playing, frame: time.frame ?? frameStart(lo, time.step) } });
  // The slider's value: the frame while there is one, else the selected days (inclusive).
  const value: [number, number] = time.frame !== null ? [time.frame, frameEnd(time.frame, time.step) - DAY] : [frameStart(lo, 'day'), frameStart(hi - 1, 'day')];
  const label = time.frame !== null ? t('map.time.frame', { from: ymd(time.frame), to: ymd(frameEnd(time.frame, time.step) - 1) })
    : time.range ? t('map.time.range', { from: ymd(time.range[0]), to: ymd(time.range[1] - 1) }) : t('map.time.all');
  return (
    <Flex className="ms-map-timebar" align="center" gap={12} data-testid="map-timebar">
      <Typography.Text strong>{t('map.time.title')}</Typography.Text>
      <Button size="small" type="primary" icon={time.playing ? <PauseOutlined /> : <CaretRightOutlined />} onClick={play} data-testid="time-play">
        {time.playing ? t('map.time.pause') : t('map.time.play')}
      </Button>
      <Segmented size="small" value={time.step} onChange={(v) => setStep(v as Step)}
        options={(['day', 'week', 'month'] as const).map((s) => ({ value: s, label: t(`map.time.${s}`) }))} />
      <Slider range style={{ flex: 1 }} min={frameStart(start, 'day')} max={frameStart(max, 'day')} step={DAY} value={drag ?? value} data-testid="time-slider"
        tooltip={{ formatter: (v) => (v ? ymd(v) : '') }}
        onChange={setDrag}
        onChangeComplete={(v) => { setDrag(null); set({ time: { ...time, playing: false, frame: null, range: [frameStart(v[0], 'day'), frameStart(v[1], 'day') + DAY] } }); }} />
      <Typography.Text data-testid="time-frame-label" style={{ minWidth: 260 }}>
        {`${label}${count !== null ? ` · ${count.toLocaleString()}` : ''}`}
      </Typography.Text>
      {(time.frame !== null || time.range !== null) && <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('map.time.off')} data-testid="time-off"
        onClick={() => set({ time: { ...time, playing: false, frame: null, range: null } })} />}
    </Flex>
  );
}
