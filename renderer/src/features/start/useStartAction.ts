import { useCallback, useState } from 'react';
import { useSession } from '../../state/session';

/** Wraps a start-page action: tracks "busy" and turns failures into a start-page notice. */
export function useStartAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(async (name: string, fn: () => Promise<void>) => {
    setBusy(name);
    useSession.getState().setNotice(null);
    try {
      await fn();
    } catch (e) {
      useSession.getState().setNotice({ kind: 'error', error: e });
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, run };
}
