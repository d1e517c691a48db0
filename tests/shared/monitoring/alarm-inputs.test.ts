import { describe, expect, it } from 'vitest';
import { explainEmail, explainNumber, parseNotifyOn, parseTypedNumber, splitEmails } from '../../../shared/monitoring/alarm-inputs';

describe('splitEmails', () => {
  it('splits on commas, semicolons, spaces and new lines, dropping blanks', () => {
    expect(splitEmails('a@example.com, b@example.com;c@example.com\n\n d@example.com\te@example.com ,')).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
      'd@example.com',
      'e@example.com',
    ]);
    expect(splitEmails('   ')).toEqual([]);
  });
});

describe('explainEmail', () => {
  it.each([
    ['ops@example.com', null],
    ['first.last+tag@sub.example.co.uk', null],
    ['', /is empty/],
    ['ops @example.com', /contains spaces/],
    ['ops.example.com', /has no @/],
    ['ops@@example.com', /more than one @/],
    ['a@b@example.com', /more than one @/],
    ['@example.com', /nothing before the @/],
    ['ops@', /nothing after the @/],
    ['ops@example', /full domain after the @/],
    ['ops(x)@example.com', /characters an address cannot have: "\(" "\)"/],
    ['ops@-example.com', /not a valid address/],
  ])('%s', (value, expected) => {
    const message = explainEmail(value);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });
});

describe('parseTypedNumber', () => {
  it.each([
    ['1000', 1000],
    [' 1,000 ', 1000],
    ['1,250,000.5', 1_250_000.5],
    ['12.5', 12.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['-3', -3],
  ])('accepts %j', (text, n) => expect(parseTypedNumber(text)).toBe(n));
  it.each(['1,00', '10,0000', '1 000', '1.000,5', 'lots', '', '1,000,', 'Infinity', 'NaN'])('returns %j as text', (text) => expect(typeof parseTypedNumber(text)).toBe('string'));
});

describe('numbers beyond a double', () => {
  it('are numbers (±Infinity) that the schemas call too large or too small, not "not a number"', () => {
    expect(parseTypedNumber('1e400')).toBe(Number.POSITIVE_INFINITY);
    expect(parseTypedNumber('-1e400')).toBe(Number.NEGATIVE_INFINITY);
    expect(explainNumber('1e400', 'Threshold')).toBeNull();
  });
});

describe('explainNumber', () => {
  it('says exactly why', () => {
    expect(explainNumber('1,000', 'Threshold')).toBeNull();
    expect(explainNumber('', 'Threshold')).toBe('Threshold is empty.');
    expect(explainNumber('1 000', 'Threshold')).toMatch(/contains spaces/);
    expect(explainNumber('1,00', 'Threshold')).toMatch(/comma in an unexpected place/);
    expect(explainNumber('lots', 'Threshold')).toMatch(/is not a number/);
  });
});

describe('parseNotifyOn', () => {
  it('accepts the three states in any order, each once', () => {
    expect(parseNotifyOn('alarm,ok,insufficient-data')).toEqual({ ok: true, value: ['alarm', 'ok', 'insufficient-data'] });
    expect(parseNotifyOn(' OK, alarm ,ok')).toEqual({ ok: true, value: ['ok', 'alarm'] });
  });
  it('names the first unknown word, and refuses an empty list', () => {
    expect(parseNotifyOn('alarm,recovered')).toEqual({ ok: false, message: expect.stringContaining('"recovered"') });
    expect(parseNotifyOn(' , ')).toMatchObject({ ok: false });
  });
});
