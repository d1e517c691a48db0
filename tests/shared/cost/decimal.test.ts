import { describe, expect, it } from 'vitest';
import { add, compare, formatAmount, formatMoney, isDecimal, parseDecimal, roundTo, scaleBy, subtract, sum, toDecimalString } from '../../../shared/cost/decimal';

const s = (text: string) => toDecimalString(parseDecimal(text));

describe('exact decimal amounts', () => {
  it('parses Cost Explorer amount strings, including exponents and signs', () => {
    expect(s('12.50')).toBe('12.5');
    expect(s('-0.0000001')).toBe('-0.0000001');
    expect(s('1.2E-7')).toBe('0.00000012');
    expect(s('4.5e3')).toBe('4500');
    expect(s('0')).toBe('0');
    expect(s('-0.000')).toBe('0');
    expect(s('.5')).toBe('0.5');
    expect(s('007.10')).toBe('7.1');
    expect(isDecimal('abc')).toBe(false);
    expect(isDecimal('')).toBe(false);
    expect(isDecimal('1.2.3')).toBe(false);
    expect(() => parseDecimal('NaN')).toThrow(/Not a decimal/);
  });

  it('sums without float drift: 0.1 + 0.2 is 0.3, and ten thousand tiny amounts add up exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the drift this module exists to avoid
    expect(toDecimalString(sum(['0.1', '0.2']))).toBe('0.3');
    const tiny = Array.from({ length: 10_000 }, () => '0.0000004511');
    expect(toDecimalString(sum(tiny))).toBe('0.004511');
    let drift = 0;
    for (const t of tiny) drift += Number(t);
    expect(drift).not.toBe(0.004511);
    expect(toDecimalString(sum(['1234.5678901234', '-34.5678901234', '0.00000000001']))).toBe('1200.00000000001');
  });

  it('adds, subtracts and compares across scales', () => {
    expect(toDecimalString(add(parseDecimal('1.005'), parseDecimal('2')))).toBe('3.005');
    expect(toDecimalString(subtract(parseDecimal('10'), parseDecimal('0.01')))).toBe('9.99');
    expect(compare(parseDecimal('1.10'), parseDecimal('1.1'))).toBe(0);
    expect(compare(parseDecimal('-1'), parseDecimal('0.5'))).toBe(-1);
    expect(compare(parseDecimal('2.0001'), parseDecimal('2'))).toBe(1);
  });

  it('rounds halves away from zero, and scales by a ratio with one rounding', () => {
    expect(toDecimalString(roundTo(parseDecimal('2.345'), 2))).toBe('2.35');
    expect(toDecimalString(roundTo(parseDecimal('-2.345'), 2))).toBe('-2.35');
    expect(toDecimalString(roundTo(parseDecimal('2.3449'), 2))).toBe('2.34');
    expect(toDecimalString(scaleBy(parseDecimal('10'), 31, 3, 6))).toBe('103.333333');
    expect(toDecimalString(scaleBy(parseDecimal('1'), 2, 3, 2))).toBe('0.67');
  });

  it('formats money rounded to cents with separators and the currency', () => {
    expect(formatAmount('1234567.891')).toBe('1,234,567.89');
    expect(formatAmount('0.005')).toBe('0.01');
    expect(formatAmount('-12')).toBe('-12.00');
    expect(formatMoney('1234.5', 'USD')).toBe('$1,234.50');
    expect(formatMoney('-3.2', 'USD')).toBe('-$3.20');
    expect(formatMoney('99', 'EUR')).toBe('99.00 EUR');
  });
});
