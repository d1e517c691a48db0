import { DEFAULT_COST_REFRESH_HOURS, SettingsSchema, type Settings, type SettingsUpdate } from '../../../../shared/contract/settings';

/** The editable numeric fields as the form holds them (a NumberInput gives a number, or '' when empty). */
export interface SettingsDraft {
  refreshIntervalSeconds: number | string;
  pricePerVcpuHour: number | string;
  /** Hours a Cost Explorer answer is reused (absent: unchanged). */
  costRefreshHours?: number | string;
}

/** The draft for saved settings. */
export function draftFrom(settings: Settings): SettingsDraft {
  return { refreshIntervalSeconds: settings.refreshIntervalSeconds, pricePerVcpuHour: settings.pricePerVcpuHour, costRefreshHours: settings.costRefreshHours ?? DEFAULT_COST_REFRESH_HOURS };
}

/** One message per invalid field, from the same schema main checks with. */
export type DraftErrors = Partial<Record<keyof SettingsDraft, string>>;

/**
 * Check the draft against the settings schema and return either the fields that changed (the
 * update to send) or a message per invalid field. An empty field counts as invalid, not as zero.
 */
export function draftToUpdate(saved: Settings, draft: SettingsDraft): { ok: true; update: SettingsUpdate } | { ok: false; errors: DraftErrors } {
  const toNumber = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));
  const candidate = {
    ...saved,
    refreshIntervalSeconds: toNumber(draft.refreshIntervalSeconds),
    pricePerVcpuHour: toNumber(draft.pricePerVcpuHour),
    ...(draft.costRefreshHours === undefined ? {} : { costRefreshHours: toNumber(draft.costRefreshHours) }),
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const errors: DraftErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'refreshIntervalSeconds' || field === 'pricePerVcpuHour' || field === 'costRefreshHours') && !errors[field]) errors[field] = issue.message;
    }
    return { ok: false, errors };
  }
  const update: SettingsUpdate = {};
  if (parsed.data.refreshIntervalSeconds !== saved.refreshIntervalSeconds) update.refreshIntervalSeconds = parsed.data.refreshIntervalSeconds;
  if (parsed.data.pricePerVcpuHour !== saved.pricePerVcpuHour) update.pricePerVcpuHour = parsed.data.pricePerVcpuHour;
  const hours = parsed.data.costRefreshHours;
  if (hours !== undefined && hours !== (saved.costRefreshHours ?? DEFAULT_COST_REFRESH_HOURS)) update.costRefreshHours = hours;
  return { ok: true, update };
}
