import { Button, Flex, Form, InputNumber, Select, Tag, Tooltip } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useImportWizard } from '../import-store';
import {
  DELIMITERS, ENCODINGS, FORMATS, QUOTES, effectiveReadOptions, hasDelimiter, hasEncoding, hasHeaderRow, hasSheets,
  type Delimiter, type Encoding, type Format, type Quote,
} from '../read-options';

const DELIMITER_KEYS: Record<Delimiter, string> = { ',': 'comma', '\t': 'tab', '|': 'pipe', ';': 'semicolon' };
const QUOTE_KEYS: Record<Quote, string> = { '"': 'double', "'": 'single', '': 'none' };

function confidenceColor(c: number): string {
  return c >= 0.8 ? 'green' : c >= 0.5 ? 'gold' : 'red';
}

/** Format, encoding (auto value + confidence), delimiter, quote, sheet and header row; each change re-previews. */
export function ReadOptionsBar() {
  const { t } = useTranslation();
  const preview = useImportWizard((s) => s.preview);
  const auto = useImportWizard((s) => s.auto);
  const overrides = useImportWizard((s) => s.overrides);
  const previewing = useImportWizard((s) => s.previewing);
  const setOverrides = useImportWizard((s) => s.setOverrides);
  if (!preview) return null;
  const opts = effectiveReadOptions(preview.sniffed, overrides);
  const f = opts.format;
  // Choosing what the sniffer found anyway is no override (so "back to auto-detection" disappears).
  const set = (patch: Parameters<typeof setOverrides>[0]) => {
    const p: Record<string, unknown> = { ...patch };
    for (const k of ['format', 'encoding', 'delimiter', 'quote', 'sheet'] as const) {
      if (k in p && auto && p[k] === auto[k]) p[k] = undefined;
    }
    if (p.headerRow === 1) p.headerRow = undefined;
    void setOverrides(p);
  };
  const overridden = Object.keys(overrides).length > 0;
  const autoEnc = auto?.encoding ?? null;

  return (
    <Form layout="vertical" disabled={previewing} component="div">
      <Flex wrap gap={16} align="flex-end">
        <Form.Item label={t('import.preview.format')} style={{ marginBottom: 8 }}>
          <Select<Format>
            data-testid="import-format" style={{ width: 150 }} value={f}
            options={FORMATS.map((x) => ({ value: x, label: t(`import.formats.${x}`) }))}
            onChange={(v) => set({ format: v })}
          />
        </Form.Item>
        {hasEncoding(f) && (
          <Form.Item
            style={{ marginBottom: 8 }}
            label={t('import.preview.encoding')}
            extra={autoEnc && (
              <span data-testid="import-encoding-auto">
                {t('import.preview.encodingAuto', { encoding: t(`import.encodings.${autoEnc}`) })}{' '}
                <Tag color={confidenceColor(auto?.encodingConfidence ?? 0)} style={{ marginInlineEnd: 0 }}>
                  {t('import.preview.confidence', { confidence: Math.round((auto?.encodingConfidence ?? 0) * 100) })}
                </Tag>
              </span>
            )}
          >
            <Select<Encoding>
              data-testid="import-encoding" style={{ width: 180 }} value={opts.encoding}
              options={ENCODINGS.map((x) => ({ value: x, label: t(`import.encodings.${x}`) }))}
              onChange={(v) => set({ encoding: v })}
            />
          </Form.Item>
        )}
        {hasDelimiter(f) && (
          <Form.Item label={t('import.preview.delimiter')} style={{ marginBottom: 8 }}>
            <Select<Delimiter>
              data-testid="import-delimiter" style={{ width: 140 }} value={opts.delimiter}
              options={DELIMITERS.map((x) => ({ value: x, label: t(`import.delimiters.${DELIMITER_KEYS[x]}`) }))}
              onChange={(v) => set({ delimiter: v })}
            />
          </Form.Item>
        )}
        {hasDelimiter(f) && (
          <Form.Item label={t('import.preview.quote')} style={{ marginBottom: 8 }}>
            <Select<Quote>
              style={{ width: 120 }} value={opts.quote}
              options={QUOTES.map((x) => ({ value: x, label: t(`import.quotes.${QUOTE_KEYS[x]}`) }))}
              onChange={(v) => set({ quote: v })}
            />
          </Form.Item>
        )}
        {hasSheets(f) && (
          <Form.Item label={t('import.preview.sheet')} style={{ marginBottom: 8 }}>
            <Select<string>
              data-testid="import-sheet" style={{ width: 180 }} value={opts.sheet}
              options={preview.sniffed.sheets.map((x) => ({ value: x, label: x }))}
              onChange={(v) => set({ sheet: v })}
            />
          </Form.Item>
        )}
        {hasHeaderRow(f) && (
          <Form.Item label={t('import.preview.headerRow')} style={{ marginBottom: 8 }}>
            <InputNumber<number>
              data-testid="import-header-row" min={1} max={1000} style={{ width: 110 }}
              value={overrides.headerRow ?? 1}
              onChange={(v) => { if (v !== null && Number.isInteger(v)) set({ headerRow: v }); }}
            />
          </Form.Item>
        )}
        {overridden && (
          <Form.Item style={{ marginBottom: 8 }}>
            <Tooltip title={t('import.preview.resetHint')}>
              <Button icon={<UndoOutlined />} onClick={() => set({ format: undefined, encoding: undefined, delimiter: undefined, quote: undefined, sheet: undefined, headerRow: undefined })}>
                {t('import.preview.reset')}
              </Button>
            </Tooltip>
          </Form.Item>
        )}
      </Flex>
    </Form>
  );
}
