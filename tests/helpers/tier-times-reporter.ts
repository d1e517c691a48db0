/**
 * A Vitest reporter that ends the run with the time each tier (Vitest project) took: its wall time
 * (first file started to last file ended; tiers overlap, as files of every tier share the workers) and
 * the sum of its files' own times, with the files, tests and failures it had. `npm test` prints it
 * after the usual report; the README quotes its figures.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { TIER_NAMES } from '../../scripts/test-tiers.mjs';

interface TierTally {
  files: number;
  tests: number;
  failed: number;
  skipped: number;
  first: number;
  last: number;
  /** Sum of each file's own time in its worker (environment, import, setup, tests and hooks). */
  fileMs: number;
}

const seconds = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
};

/** One table row per tier (in npm test's order, then any other project), and the run's total. */
export function tierTimesTable(tallies: ReadonlyMap<string, TierTally>, totalMs: number): string {
  const names = [...TIER_NAMES.filter((t) => tallies.has(t)), ...[...tallies.keys()].filter((t) => !(TIER_NAMES as string[]).includes(t))];
  const rows = names.map((name) => {
    const t = tallies.get(name)!;
    return [name, String(t.files), String(t.tests), String(t.failed), String(t.skipped), seconds(t.last - t.first), seconds(t.fileMs)];
  });
  const header = ['tier', 'files', 'tests', 'failed', 'skipped', 'wall', 'sum of files'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    'Tier times (tiers share the workers, so their wall times overlap):',
    `  ${line(header)}`,
    ...rows.map((r) => `  ${line(r)}`),
    `  whole run: ${seconds(totalMs)}`,
  ].join('\n');
}

/** Collects per-tier times while the run goes and prints the table at its end. */
export default class TierTimesReporter implements Reporter {
  private readonly tallies = new Map<string, TierTally>();

  onTestRunStart(): void {
    this.tallies.clear();
  }

  onTestModuleEnd(module: TestModule): void {
    const now = Date.now();
    // The file's own time in its worker: environment, harness, import (and collection), setup files, tests and hooks.
    const d = module.diagnostic();
    const ownMs = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
    const start = now - ownMs;
    const name = module.project.name || 'default';
    const t = this.tallies.get(name) ?? { files: 0, tests: 0, failed: 0, skipped: 0, first: start, last: now, fileMs: 0 };
    t.files++;
    for (const test of module.children.allTests()) {
      t.tests++;
      const state = test.result().state;
      if (state === 'failed') t.failed++;
      if (state === 'skipped') t.skipped++;
    }
    if (module.state() === 'failed' && ![...module.children.allTests()].some((x) => x.result().state === 'failed')) t.failed++;
    t.first = Math.min(t.first, start);
    t.last = Math.max(t.last, now);
    t.fileMs += ownMs;
    this.tallies.set(name, t);
  }

  onTestRunEnd(): void {
    // The whole run counts from the start of the Vitest process: start-up and global setups included.
    if (this.tallies.size) console.log(`\n${tierTimesTable(this.tallies, process.uptime() * 1000)}\n`);
  }
}
