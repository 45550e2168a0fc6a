import { Card, Empty, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ParamsForm } from './ParamsForm';
import { useReport } from './report-store';

/** The side panel: the selected section's title, caption and parameters. */
export function SectionEditor() {
  const { t } = useTranslation();
  const { sections, selected, edit } = useReport();
  const s = sections.find((x) => x.id === selected);
  return (
    <Card size="small" title={t('report.editor.title')} data-testid="report-editor">
      {!s ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.editor.none')} /> : (
        <Form layout="vertical" size="small" key={s.id}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t(`report.sections.kinds.${s.kind}`)}</Typography.Text> · {t(`report.sections.hints.${s.kind}`)}
          </Typography.Paragraph>
          {s.kind !== 'pagebreak' && (<>
            <Form.Item label={t('report.editor.sectionTitle')} style={{ marginBottom: 8 }}>
              <Input value={s.title ?? ''} maxLength={200} placeholder={t('report.editor.titlePlaceholder')} onChange={(e) => edit(s.id, { title: e.target.value })} data-testid="report-section-title" />
            </Form.Item>
            {s.kind !== 'commentary' && s.kind !== 'overview' && (
              <Form.Item label={t('report.editor.caption')} style={{ marginBottom: 8 }}>
                <Input value={s.caption ?? ''} maxLength={500} onChange={(e) => edit(s.id, { caption: e.target.value })} data-testid="report-section-caption" />
              </Form.Item>
            )}
          </>)}
          <ParamsForm section={s} patch={(p) => edit(s.id, { params: p })} />
        </Form>
      )}
    </Card>
  );
}
