import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Segmented, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../../shared/api/areas/settings';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { LangSwitch } from '../../app/LangSwitch';
import { usePrefs } from './prefs';

const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC', 'America/Los_Angeles', 'America/New_York', 'Europe/London'];

function allZones(): string[] {
  const more = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...COMMON_ZONES, ...more])];
}

/** Saves one change with a message; the store keeps the engine's answer (or the old value on error). */
function useSave() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = usePrefs((s) => s.save);
  return async (patch: SettingsPatch): Promise<boolean> => {
    try {
      await save(patch);
      message.success(t('settings.saved'));
      return true;
    } catch (e) {
      message.error(errorText(e, currentLocale()));
      return false;
    }
  };
}

/** Language and light/dark theme. */
export function AppearanceCard() {
  const { t } = useTranslation();
  const theme = usePrefs((s) => s.theme);
  const save = useSave();
  return (
    <Card title={t('settings.appearance')} data-testid="settings-appearance">
      <Form layout="horizontal" labelCol={{ span: 8 }} colon={false}>
        <Form.Item label={t('settings.language')}><LangSwitch /></Form.Item>
        <Form.Item label={t('settings.theme')} style={{ marginBottom: 0 }}>
          <Segmented
            data-testid="settings-theme"
            value={theme}
            onChange={(v) => void save({ theme: v as 'light' | 'dark' })}
            options={[{ value: 'light', label: t('settings.themeLight') }, { value: 'dark', label: t('settings.themeDark') }]}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Defaults a new import starts from: time zone of source times and coordinate system of lon/lat. */
export function ImportDefaultsCard() {
  const { t } = useTranslation();
  const { timeZone, importCrs } = usePrefs();
  const save = useSave();
  return (
    <Card title={t('settings.importDefaults')} data-testid="settings-import-defaults">
      <Typography.Paragraph type="secondary">{t('settings.importDefaultsHint')}</Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ span: 8 }} colon={false}>
        <Form.Item label={t('settings.timeZone')}>
          <Select
            data-testid="settings-timezone"
            showSearch
            value={timeZone}
            onChange={(v: string) => void save({ timeZone: v })}
            options={allZones().map((z) => ({ value: z, label: z }))}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label={t('settings.importCrs')} style={{ marginBottom: 0 }}>
          <Select
            data-testid="settings-crs"
            value={importCrs}
            onChange={(v: 'wgs84' | 'gcj02' | 'bd09') => void save({ importCrs: v })}
            options={(['wgs84', 'gcj02', 'bd09'] as const).map((c) => ({ value: c, label: t(`settings.crs.${c}`) }))}
            style={{ width: 260 }}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Privacy default: mask personal information on screen. */
export function PrivacyCard() {
  const { t } = useTranslation();
  const maskPii = usePrefs((s) => s.maskPii);
  const save = useSave();
  return (
    <Card title={t('settings.privacy')} data-testid="settings-privacy">
      <Flex gap={12} align="flex-start">
        <Switch data-testid="settings-mask-pii" checked={maskPii} onChange={(v) => void save({ maskPii: v })} />
        <div>
          <Typography.Text strong>{t('settings.maskPii')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('settings.maskPiiHint')}</Typography.Paragraph>
        </div>
      </Flex>
    </Card>
  );
}

/** Where new projects and dropped files go; the application data folder (settings, logs, demo) is shown too. */
export function DataFolderCard() {
  const { t } = useTranslation();
  const { dataFolder, dataDir } = usePrefs();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useSave();
  const value = draft ?? dataFolder;
  const submit = async () => { if (await save({ dataFolder: value.trim() })) setDraft(null); };
  return (
    <Card title={t('settings.dataFolder')} data-testid="settings-data-folder">
      <Typography.Paragraph type="secondary">{t('settings.dataFolderHint')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          data-testid="settings-data-folder-input"
          value={value}
          placeholder={dataDir}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={() => void submit()}
        />
        <Button type="primary" data-testid="settings-data-folder-save" disabled={draft === null} onClick={() => void submit()}>{t('settings.save')}</Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('settings.dataDirNote')} <Typography.Text code copyable>{dataDir}</Typography.Text>
      </Typography.Paragraph>
    </Card>
  );
}
