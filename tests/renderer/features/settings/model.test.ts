import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { draftFrom, draftToUpdate } from '../../../../renderer/src/features/settings/model';

describe('settings model', () => {
  it('sends only the fields that changed', () => {
    const draft = draftFrom(DEFAULT_SETTINGS);
    expect(draftToUpdate(DEFAULT_SETTINGS, draft)).toEqual({ ok: true, update: {} });
    expect(draftToUpdate(DEFAULT_SETTINGS, { ...draft, refreshIntervalSeconds: 60 })).toEqual({ ok: true, update: { refreshIntervalSeconds: 60 } });
    expect(draftToUpdate(DEFAULT_SETTINGS, { ...draft, pricePerVcpuHour: '0.1' })).toEqual({ ok: true, update: { pricePerVcpuHour: 0.1 } });
    // The Cost Explorer refresh interval: 6 hours when none is saved, so 6 is no change.
    expect(draft.costRefreshHours).toBe(6);
    expect(draftToUpdate(DEFAULT_SETTINGS, { ...draft, costRefreshHours: 12 })).toEqual({ ok: true, update: { costRefreshHours: 12 } });
    expect(draftToUpdate(DEFAULT_SETTINGS, { ...draft, costRefreshHours: 0 })).toEqual({ ok: false, errors: { costRefreshHours: 'Cost refresh interval must be at least 1 hour.' } });
  });

  it('names each invalid field with the schema’s message; empty is not zero', () => {
    expect(draftToUpdate(DEFAULT_SETTINGS, { refreshIntervalSeconds: 10, pricePerVcpuHour: -1 })).toEqual({
      ok: false,
      errors: { refreshIntervalSeconds: 'Refresh interval must be at least 30 seconds.', pricePerVcpuHour: 'Price per vCPU-hour must not be negative.' },
    });
    const empty = draftToUpdate(DEFAULT_SETTINGS, { refreshIntervalSeconds: '', pricePerVcpuHour: 0.05 });
    expect(empty.ok).toBe(false);
    expect(empty.ok ? null : empty.errors.refreshIntervalSeconds).toBeTruthy();
  });
});
