/**
 * Keyboard shortcuts. In Electron the application menu owns its accelerators (electron/main/menu-template.ts);
 * the page adds screen switching and, in browser mode, the menu's shortcuts. PURE, unit-tested.
 */
import { SCREENS, type ScreenName } from '../../app/routes';

export type ShortcutAction =
  | { kind: 'screen'; screen: ScreenName }
  | { kind: 'contextHelp' }
  | { kind: 'import' };

export interface KeyLike { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }

/** The action of a key press, or null. `menuOwnsKeys`: Electron's menu already handles F1, Ctrl+I, Ctrl+,. */
export function shortcutFor(e: KeyLike, opts: { menuOwnsKeys: boolean; mac: boolean }): ShortcutAction | null {
  const mod = opts.mac ? e.metaKey : e.ctrlKey;
  if (e.altKey && !e.ctrlKey && !e.metaKey && /^[1-9]$/.test(e.key)) {
    const screen = SCREENS[Number(e.key) - 1];
    return screen ? { kind: 'screen', screen } : null;
  }
  if (opts.menuOwnsKeys) return null;
  if (e.key === 'F1' && !e.altKey && !mod) return { kind: 'contextHelp' };
  if (mod && !e.altKey && !e.shiftKey && e.key === ',') return { kind: 'screen', screen: 'settings' };
  if (mod && !e.altKey && !e.shiftKey && (e.key === 'i' || e.key === 'I')) return { kind: 'import' };
  return null;
}

/** Rows of the shortcuts page for this host. */
export function shortcutRows(host: 'electron' | 'browser', mac: boolean): { keys: string; action: string }[] {
  const m = mac ? '⌘' : 'Ctrl';
  const rows = [
    { keys: 'F1', action: 'help' },
    { keys: `${m}+I`, action: 'import' },
    { keys: `${m}+,`, action: 'settings' },
    { keys: `Alt+1 … Alt+${Math.min(9, SCREENS.length)}`, action: 'screens' },
  ];
  if (host === 'electron') {
    rows.push(
      { keys: `${m}+N`, action: 'newProject' },
      { keys: `${m}+O`, action: 'openProject' },
      { keys: `${m}+E`, action: 'export' },
      { keys: `${m}+Shift+W`, action: 'closeProject' },
      { keys: `${m}+0 / ${m}++ / ${m}+-`, action: 'zoom' },
    );
  }
  return rows;
}
