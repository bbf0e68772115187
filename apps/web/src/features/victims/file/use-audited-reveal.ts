import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useRevealIdentity, type RevealResult } from '../api/victims-api.ts';

/** Identifying values stay on screen at most this long (then they are masked again). */
export const REVEAL_TTL_MS = 5 * 60_000;

/**
 * A value that forgets itself: cleared after `ttlMs`, by `clear()`, and with the component (it is
 * plain component state, never a query cache entry or storage).
 */
export function useExpiringState<T>(ttlMs: number = REVEAL_TTL_MS): [T | null, (value: T) => void, () => void] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (value === null) return;
    const timer = window.setTimeout(() => setValue(null), ttlMs);
    return () => window.clearTimeout(timer);
  }, [value, ttlMs]);
  const clear = useCallback(() => setValue(null), []);
  return [value, setValue, clear];
}

type RevealBody = Parameters<ReturnType<typeof useRevealIdentity>['mutateAsync']>[0];

/**
 * The audited reveal (POST …/reveal). The answer is handed to the caller only: the mutation's own
 * record is dropped from TanStack Query's mutation cache at once, so the plaintext lives in the
 * caller's state alone (see useExpiringState).
 */
export function useAuditedReveal(fileId: string) {
  const queryClient = useQueryClient();
  const mutation = useRevealIdentity(fileId);
  const { mutateAsync, reset } = mutation;
  const reveal = useCallback(
    async (body: RevealBody): Promise<RevealResult> => {
      const result = await mutateAsync(body);
      const cache = queryClient.getMutationCache();
      for (const entry of cache.getAll()) if (entry.state.data === result) cache.remove(entry);
      reset();
      return result;
    },
    [mutateAsync, reset, queryClient],
  );
  return { reveal, isPending: mutation.isPending, error: mutation.error, resetError: reset };
}
