import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, monthProblem, planPeriod } from '../../../shared/cost/period';

const at = (iso: string) => Date.parse(iso);

describe('cost periods (UTC days, end exclusive)', () => {
  it('month to date ends tomorrow, so the 1st of a month is a one-day period', () => {
    expect(planPeriod({ kind: 'month-to-date' }, at('2026-12-01T00:05:00Z'))).toEqual({
      start: '2026-12-01',
      end: '2026-12-02',
      today: '2026-12-01',
      current: true,
      months: ['2026-12'],
    });
    // The last day of a month ends on the 1st of the next.
    expect(planPeriod({ kind: 'month-to-date' }, at('2026-12-31T23:59:00Z'))).toMatchObject({ start: '2026-12-01', end: '2027-01-01', months: ['2026-12'] });
  });

  it('a past month is the whole calendar month; the current month is month to date; a future month is refused', () => {
    const now = at('2026-12-06T10:00:00Z');
    expect(planPeriod({ kind: 'month', month: '2026-02' }, now)).toMatchObject({ start: '2026-02-01', end: '2026-03-01', current: false, months: ['2026-02'] });
    expect(planPeriod({ kind: 'month', month: '2026-12' }, now)).toMatchObject({ start: '2026-12-01', end: '2026-12-07', current: true });
    expect(() => planPeriod({ kind: 'month', month: '2027-01' }, now)).toThrow(/has not begun yet/);
    expect(() => planPeriod({ kind: 'month', month: '2026-13' }, now)).toThrow(/no month 13/);
    expect(monthProblem('Nov 2026')).toMatch(/YYYY-MM/);
  });

  it('the last N months include this one, across a year boundary', () => {
    expect(planPeriod({ kind: 'months', count: 3 }, at('2027-01-15T12:00:00Z'))).toMatchObject({
      start: '2026-11-01',
      end: '2027-01-16',
      months: ['2026-11', '2026-12', '2027-01'],
    });
    expect(() => planPeriod({ kind: 'months', count: 0 }, Date.now())).toThrow(/1 to 13/);
    expect(() => planPeriod({ kind: 'months', count: 14 }, Date.now())).toThrow(/1 to 13/);
  });

  it('day arithmetic in UTC', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysInMonth('2024-02-10')).toBe(29);
    expect(daysInMonth('2026-12-31')).toBe(31);
  });
});
