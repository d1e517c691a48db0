import type { BenchRow } from './table';

/** Chart drawing in headless Chromium (filled in once the chart component lands). */
export async function benchCharts(_rows: BenchRow[]): Promise<void> {}
