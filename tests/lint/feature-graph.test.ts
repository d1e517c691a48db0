import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

// Renderer features depend on each other in one direction only: `onramp/feature-doors` makes them
// meet at an index.ts, and this test keeps the feature-to-feature graph free of cycles.

const FEATURES = join(ROOT, 'renderer/src/features');

/** Every `from '…'` and `import('…')` specifier in a source text. */
function specifiers(code: string): string[] {
  return [...code.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

/** Feature → the other features it imports, read from the files under renderer/src/features. */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const feature of readdirSync(FEATURES)) {
    const edges = new Set<string>();
    for (const file of readdirSync(join(FEATURES, feature), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))) {
      const abs = join(FEATURES, feature, file);
      for (const spec of specifiers(readFileSync(abs, 'utf8')).filter((s) => s.startsWith('.'))) {
        const target = relative(FEATURES, resolve(dirname(abs), spec)).split(/[\\/]/)[0];
        if (target && target !== '..' && target !== feature) edges.add(target);
      }
    }
    graph.set(feature, edges);
  }
  return graph;
}

/** The first cycle found in a directed graph, as the list of nodes around it, or null. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('renderer feature graph', () => {
  it('finds a planted cycle, and none in a chain', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));
    expect(findCycle(g({ configurations: ['setup-wizard'], 'setup-wizard': ['readiness', 'configurations'], readiness: [] }))).toEqual([
      'configurations',
      'setup-wizard',
      'configurations',
    ]);
    expect(findCycle(g({ configurations: ['setup-wizard', 'platform'], 'setup-wizard': ['platform', 'readiness'], platform: [], readiness: [] }))).toBeNull();
  });

  it('reads the real imports: setup-wizard uses readiness and platform', () => {
    const graph = featureGraph();
    expect([...(graph.get('setup-wizard') ?? [])].sort()).toEqual(expect.arrayContaining(['platform', 'readiness']));
  });

  it('has no cycle between features', () => {
    expect(findCycle(featureGraph())).toBeNull();
  });
});
