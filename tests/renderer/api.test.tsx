// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call, SESSION_EXPIRED_EVENT, toErrorShape, unwrap, useApiCall } from '../../renderer/src/api';
import type { IpcResult } from '../../shared/contract';
import './helpers/dom'; // waitFor's limit for a busy machine

describe('renderer api helpers', () => {
  it('unwraps values and throws error shapes', () => {
    expect(unwrap({ ok: true, value: 3 })).toBe(3);
    expect(() => unwrap({ ok: false, error: { code: 'NotFound', message: 'gone' } })).toThrow(
      expect.objectContaining({ code: 'NotFound' }),
    );
  });

  it('turns a broken transport into an Internal error that says what to do', async () => {
    const r = await call<number>(() => Promise.reject(new Error('bridge down')));
    expect(r).toEqual({ ok: false, error: { code: 'Internal', message: expect.stringMatching(/^bridge down Restart Onramp/) } });
    expect(toErrorShape({ code: 'Busy', message: 'busy' })).toEqual({ code: 'Busy', message: 'busy' });
  });

  it('raises the session-expired event for an expired session, but not for a failed connect attempt', async () => {
    const seen: string[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent<{ message: string }>).detail.message);
    window.addEventListener(SESSION_EXPIRED_EVENT, listener);
    const expired = { ok: false as const, error: { code: 'SsoExpired' as const, message: 'expired' } };
    await call(() => Promise.resolve(expired));
    await call(() => Promise.resolve({ ...expired, error: { ...expired.error, message: 'other profile' } }), { connecting: true });
    window.removeEventListener(SESSION_EXPIRED_EVENT, listener);
    expect(seen).toEqual(['expired']);
  });

  it('tracks loading, value and error of a call', async () => {
    let answer: IpcResult<string> = { ok: true, value: 'yes' };
    const { result } = renderHook(() => useApiCall(async () => answer));
    expect(result.current.loading).toBe(false);
    await act(() => result.current.run());
    expect(result.current).toMatchObject({ value: 'yes', error: null, loading: false });
    answer = { ok: false, error: { code: 'Timeout', message: 'slow' } };
    await act(() => result.current.run());
    await waitFor(() => expect(result.current.error?.code).toBe('Timeout'));
    expect(result.current.value).toBeNull();
  });
});
