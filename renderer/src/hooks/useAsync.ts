import { useEffect, useState } from 'react';

export interface AsyncState<T> { data: T | undefined; error: unknown; loading: boolean }

interface Settled<T> { key: string | null; data: T | undefined; error: unknown }

/**
 * Runs `fn` whenever `key` changes. While a new key loads, the previous data stays visible
 * (`loading` is true); answers for an outdated key are dropped.
 */
export function useAsync<T>(fn: () => Promise<T>, key: string): AsyncState<T> {
  const [settled, setSettled] = useState<Settled<T>>({ key: null, data: undefined, error: null });
  useEffect(() => {
    let live = true;
    fn().then(
      (data) => { if (live) setSettled({ key, data, error: null }); },
      (error: unknown) => { if (live) setSettled((s) => ({ key, data: s.data, error })); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` identifies the request
  }, [key]);
  const current = settled.key === key;
  return { data: settled.data, error: current ? settled.error : null, loading: !current };
}
