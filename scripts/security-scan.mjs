#!/usr/bin/env node
// Runs Doyensec's Electronegativity over the app's sources (main/, preload/, renderer/, shared/) and
// fails on any HIGH or MEDIUM finding that is not waived with an inline `eng-disable` comment
// carrying a written reason next to the code. The check that downloads Electron's release list from
// GitHub is excluded: these machines reach only the npm registry (the Electron version is pinned by
// package-lock.json and reviewed with upgrades).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const electronVersion = lock.packages['node_modules/electron'].version;
const work = mkdtempSync(join(tmpdir(), 'onramp-eneg-'));
const src = join(work, 'app');
for (const dir of ['main', 'preload', 'renderer', 'shared', 'package.json']) cpSync(join(root, dir), join(src, dir), { recursive: true });
const csv = join(work, 'findings.csv');
try {
  execFileSync(
    'npx',
    ['--yes', '@doyensec/electronegativity@1.10.3', '-i', src, '-e', electronVersion, '-r', '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', csv],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const findings = rows.map((r) => {
    const [issue, severity, confidence, file, location] = r.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return { issue, severity, confidence, file, location };
  });
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.issue.padEnd(32)} ${f.file}:${f.location}`);
  const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${blocking.length} HIGH/MEDIUM unwaived.`);
  process.exitCode = blocking.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
