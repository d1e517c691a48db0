/** Local midnight after `now` (epoch ms): what "Pause watching until tomorrow" means. */
export function tomorrowAt(now: number): number {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}
