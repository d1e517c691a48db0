import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../../renderer/src/components/dates';

describe('formatWhen', () => {
  it('formats timestamps and missing ones', () => {
    expect(formatWhen(null)).toBe('never');
    expect(formatWhen('not a date')).toBe('not a date');
    expect(formatWhen('2025-03-04T05:06:00Z', 'en-GB')).toMatch(/2025/);
  });
});
