/**
 * Numbers as every screen and command shows them: grouped the same way everywhere ("10,240"), at most
 * one decimal, and a small non-zero value never rounded to "0" (an average of 0.02 vCPUs is "0.02").
 */
export function formatNumber(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.1) return value.toLocaleString('en-US', { maximumSignificantDigits: 1 });
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A US-dollar amount: two decimals, grouped ("$1,234.50"); a non-zero amount under a cent keeps its first digits ("$0.0012"). */
export function formatUsd(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return `$${value.toLocaleString('en-US', { maximumSignificantDigits: 2 })}`;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
