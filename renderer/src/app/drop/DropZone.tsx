import { useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import { currentLocale } from '../i18n';
import { getBridge } from '../../platform/bridge';
import { api } from '../../platform/select';
import { useSession } from '../../state/session';
import { openPath } from '../desktop/open';
import { isFileDrag, planDrop } from './drop-plan';
import { uploadFile } from './upload';
import './drop.css';

/**
 * Drag and drop of data files onto the window: a project file opens, a data file starts the import
 * wizard with it. Electron hands over the file's real path; browser mode copies the file into the
 * data folder first (the page cannot see paths).
 */
export function DropZone() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!isFileDrag(e.dataTransfer?.types ? [...e.dataTransfer.types] : null)) return;
      e.preventDefault();
      depth.current++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (!isFileDrag(e.dataTransfer?.types ? [...e.dataTransfer.types] : null)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      const files = e.dataTransfer?.files ? [...e.dataTransfer.files] : [];
      if (!files.length) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      void handle(files);
    };
    const handle = async (files: File[]) => {
      const plan = planDrop(files.map((f) => f.name), useSession.getState().project !== null);
      if (plan.kind === 'none') return;
      if (plan.kind === 'needProject') { message.warning(t('help.drop.needProject')); return; }
      if (plan.kind === 'unsupported') { message.warning(t('help.drop.unsupported', { names: plan.names.join(', ') })); return; }
      const file = files[plan.index];
      const real = getBridge()?.pathForFile?.(file) ?? null;
      if (plan.kind === 'project' && !real) { message.warning(t('help.drop.projectNeedsPath')); return; }
      const key = 'ms-drop';
      try {
        let path = real;
        if (!path) {
          message.loading({ key, content: t('help.drop.copying', { name: file.name, pct: 0 }), duration: 0 });
          path = await uploadFile(file, (i) => api.call('desktop.uploadChunk', i), (f) =>
            message.loading({ key, content: t('help.drop.copying', { name: file.name, pct: Math.round(f * 100) }), duration: 0 }));
          // Replace the progress notice by key (destroy() can run before the queued notice mounts and leave it forever).
          message.success({ key, content: t('help.drop.copying', { name: file.name, pct: 100 }), duration: 1.5 });
        }
        await openPath({ kind: plan.kind === 'project' ? 'project' : 'data', path });
      } catch (err) {
        message.error({ key, content: errorText(err, currentLocale()), duration: 6 });
      }
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [message, t]);

  if (!over) return null;
  return (
    <div className="ms-drop-overlay" data-testid="drop-overlay">
      <div className="ms-drop-box">
        <InboxOutlined style={{ fontSize: 56 }} />
        <div className="ms-drop-title">{t('help.drop.title')}</div>
        <div className="ms-drop-hint">{t('help.drop.hint')}</div>
      </div>
    </div>
  );
}
