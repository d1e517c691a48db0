/** A short local date-time for an ISO timestamp, or "never". */
export function formatWhen(iso: string | null, locale?: string): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
