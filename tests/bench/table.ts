/** One benchmark figure with its budget. */
export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  budget: string;
  pass: boolean;
}

/** Print the rows as an aligned table. */
export function printTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => [r.figure, `${r.value} ${r.unit}`, r.budget, r.pass ? 'PASS' : 'FAIL']);
  const head = ['figure', 'value', 'budget', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
