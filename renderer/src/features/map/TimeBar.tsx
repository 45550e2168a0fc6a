import { useEffect } from 'react';
import { Button, Flex, Segmented, Slider, Typography } from 'antd';
import { CloseOutlined, PauseOutlined, CaretRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMapStore, type Step } from './map-store';
import { frameEnd, frameStart, ymd } from './time-frames';

/**
 * Time playback: a frame of a day, week or month moves over the data's time range; the map, legend
 * and counts show only that frame (within the global filter). `idle` tells when the map has drawn
 * the current frame, so playback never outruns rendering.
 */
export function TimeBar({ range, idle, count }: { range: { min: number | null; max: number | null }; idle: boolean; count: number | null }) {
  const { t } = useTranslation();
  const { time, set } = useMapStore();
  const { min, max } = range;
  useEffect(() => {
    if (!time.playing || !idle || min === null || max === null || time.frame === null) return;
    const h = setTimeout(() => {
      const next = frameEnd(time.frame!, time.step);
      set({ time: next > max ? { ...time, playing: false } : { ...time, frame: next } });
    }, 900);
    return () => clearTimeout(h);
  }, [time, idle, min, max, set]);
  if (min === null || max === null) return null;
  const start = frameStart(min, time.step);
  const setStep = (step: Step) => set({ time: { ...time, step, frame: time.frame === null ? null : frameStart(time.frame, step) } });
  const play = () => set({ time: { ...time, playing: !time.playing, frame: time.frame ?? start } });
  return (
    <Flex className="ms-map-timebar" align="center" gap={12} data-testid="map-timebar">
      <Typography.Text strong>{t('map.time.title')}</Typography.Text>
      <Button size="small" type="primary" icon={time.playing ? <PauseOutlined /> : <CaretRightOutlined />} onClick={play} data-testid="time-play">
        {time.playing ? t('map.time.pause') : t('map.time.play')}
      </Button>
      <Segmented size="small" value={time.step} onChange={(v) => setStep(v as Step)}
        options={(['day', 'week', 'month'] as const).map((s) => ({ value: s, label: t(`map.time.${s}`) }))} />
      <Slider style={{ flex: 1 }} min={start} max={max} step={86_400_000} value={time.frame ?? start} data-testid="time-slider"
        tooltip={{ formatter: (v) => (v ? ymd(v) : '') }}
        onChange={(v) => set({ time: { ...time, playing: false, frame: frameStart(v, time.step) } })} />
      <Typography.Text data-testid="time-frame-label" style={{ minWidth: 260 }}>
        {time.frame === null ? t('map.time.all')
          : `${t('map.time.frame', { from: ymd(time.frame), to: ymd(frameEnd(time.frame, time.step) - 1) })}${count !== null ? ` · ${count.toLocaleString()}` : ''}`}
      </Typography.Text>
      {time.frame !== null && <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('map.time.off')} onClick={() => set({ time: { ...time, playing: false, frame: null } })} />}
    </Flex>
  );
}
