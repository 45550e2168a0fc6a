import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

export type Level = 'district' | 'street' | 'community';

/** The area level of a spatial analysis (district / street / community) with its label. */
export function LevelPicker({ value, onChange, testId }: { value: Level; onChange: (l: Level) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span>{t('alerts.hot.level')}</span>
      <Segmented<Level> value={value} onChange={onChange} data-testid={testId}
        options={(['district', 'street', 'community'] as const).map((l) => ({ value: l, label: t(`alerts.areaLevel.${l}`) }))} />
    </>
  );
}
