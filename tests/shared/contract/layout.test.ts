/**
 * One layout for the contract: each domain (a channel prefix) is a pair of files in shared/contract,
 * `<domain>.ts` with its schemas and contract entries and `<domain>.channels.ts` with its channel
 * names, every name starting with `<domain>:`. The names are kept apart so the sandboxed preload,
 * which builds window.api from them, loads no zod: nothing the preload imports reaches it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli';

const DIR = join(ROOT, 'shared/contract');
/** The files that are not a domain: the API builder, the joined channel list, shared schemas, the entry type, the joined contract, and the zod-free export formats (for the CLI's --help). */
const NOT_DOMAINS = ['api.ts', 'channels.ts', 'common.ts', 'entry.ts', 'export-formats.ts', 'index.ts'];

const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const domains = files.filter((f) => f.endsWith('.channels.ts')).map((f) => f.replace(/\.channels\.ts$/, ''));
const camel = (d: string) => d.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Every file a module loads at run time, following relative imports (type-only imports are erased
 * by the build, so they are skipped); bare specifiers (packages) are listed as they are.
 */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)(\s+type)?\s[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'|import\('([^']+)'\)/gm)) {
      if (m[1]) continue;
      const spec = m[2] ?? m[3] ?? m[4]!;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync);
      if (!found) throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
      visit(found);
    }
  };
  visit(entry);
  return { files: [...seen].map((f) => relative(ROOT, f)), packages: [...packages] };
}

describe('contract layout', () => {
  it('every domain is a pair named by its prefix, and every other file is one of the few shared ones', () => {
    expect(domains.length).toBeGreaterThanOrEqual(15);
    for (const d of domains) expect(files, `${d}.channels.ts has no ${d}.ts beside it`).toContain(`${d}.ts`);
    const stray = files.filter((f) => !f.endsWith('.channels.ts') && !NOT_DOMAINS.includes(f) && !domains.includes(f.replace(/\.ts$/, '')));
    expect(stray, 'a contract file that is neither a domain with its channels nor a shared file').toEqual([]);
  });

  it.each(domains)('%s: its channel list names only its own channels, and its contract has exactly them', async (domain) => {
    const names = (await import(join(DIR, `${domain}.channels.ts`))) as Record<string, readonly string[]>;
    const list = names[`${domain.toUpperCase().replace(/-/g, '_')}_CHANNELS`]!;
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) expect(c.startsWith(`${domain}:`), c).toBe(true);
    const schemas = (await import(join(DIR, `${domain}.ts`))) as Record<string, Record<string, unknown>>;
    expect(Object.keys(schemas[`${camel(domain)}Contract`]!).sort()).toEqual([...list].sort());
  });

  it('the preload reaches no zod: it imports the joined channel list, which imports only the zod-free name files', () => {
    const graph = importGraph(join(ROOT, 'preload/index.ts'));
    expect(graph.packages).toEqual(['electron']);
    expect(graph.files.sort()).toEqual(['preload/index.ts', 'shared/contract/api.ts', 'shared/contract/channels.ts', ...domains.map((d) => `shared/contract/${d}.channels.ts`)].sort());
  });

  it('a name file imports nothing (so a domain cannot pull its schemas into the preload by accident)', () => {
    for (const d of domains) expect(importGraph(join(DIR, `${d}.channels.ts`)).files, d).toEqual([`shared/contract/${d}.channels.ts`]);
  });
});
