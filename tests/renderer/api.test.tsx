// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call, toErrorShape, unwrap, useApiCall } from '../../renderer/src/api';
import type { IpcResult } from '../../shared/contract';

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
