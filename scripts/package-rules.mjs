// Pure checks behind `npm run package:check` (scripts/package-check.mjs), kept separate so the
// tests can run them on hand-made inputs. Each returns a list of problems; empty means fine.

/** The Electron fuses Onramp ships with (docs/security.md; issue "Hardening"). */
export const EXPECTED_FUSES = Object.freeze({
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
});

/** Position of each fuse in Electron's V1 fuse wire (@electron/fuses FuseV1Options). */
export const FUSE_WIRE_INDEX = Object.freeze({
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  grantFileProtocolExtraPrivileges: 7,
});

/** Files that must be in app.asar. */
export const REQUIRED_ENTRIES = ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html'];

/** Dev-only packages named explicitly (on top of every devDependency in package.json). */
export const ALWAYS_FORBIDDEN_PACKAGES = ['electron', 'react', 'react-dom', '@mantine/core', 'recharts', 'vitest', 'vite', 'typescript'];

const targetNames = (t) => (Array.isArray(t) ? t : t ? [t] : []).map((x) => (typeof x === 'string' ? x : x.target));

/** Problems with the electron-builder configuration beyond what its schema checks. */
export function checkBuilderConfig(config) {
  const problems = [];
  const need = (ok, message) => {
    if (!ok) problems.push(message);
  };
  need(typeof config.appId === 'string' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(config.appId), 'appId must be a reverse-DNS id');
  need(config.productName === 'Onramp', 'productName must be Onramp');
  need(config.asar === true, 'asar must be on');
  for (const [fuse, value] of Object.entries(EXPECTED_FUSES)) {
    need(config.electronFuses?.[fuse] === value, `electronFuses.${fuse} must be ${value}`);
  }
  const mac = config.mac ?? {};
  need(['dmg', 'zip'].every((t) => targetNames(mac.target).includes(t)), 'mac targets must include dmg and zip');
  need(mac.hardenedRuntime === true, 'mac.hardenedRuntime must be true');
  need(typeof mac.entitlements === 'string', 'mac.entitlements must name the entitlements file');
  need(targetNames(config.win?.target).includes('nsis'), 'win target must include nsis');
  need(['AppImage', 'deb'].every((t) => targetNames(config.linux?.target).includes(t)), 'linux targets must include AppImage and deb');
  // electron-builder's loader normalises `files` to [{ filter: [...] }]; the raw YAML has plain strings.
  const files = (Array.isArray(config.files) ? config.files : [config.files ?? []]).flatMap((f) =>
    typeof f === 'string' ? [f] : Array.isArray(f) ? f : [f?.filter ?? []].flat(),
  );
  need(files.includes('out/**'), 'files must include the built output (out/**)');
  need(files.includes('!**/*.map'), 'files must exclude source maps');
  return problems;
}

/** Problems with the list of files inside app.asar (paths as @electron/asar lists them). */
export function checkAsarEntries(rawEntries, pkg) {
  const entries = rawEntries.map((e) => e.replace(/\\/g, '/'));
  const set = new Set(entries);
  const problems = [];
  for (const required of REQUIRED_ENTRIES) if (!set.has(required)) problems.push(`missing ${required}`);
  if (!entries.some((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e))) problems.push('missing the renderer bundle (out/renderer/assets/*.js)');

  const bad = (why, test) => {
    const hits = entries.filter(test);
    if (hits.length) problems.push(`${why}: ${hits.slice(0, 5).join(', ')}${hits.length > 5 ? ` (+${hits.length - 5} more)` : ''}`);
  };
  bad('TypeScript sources', (e) => /\.(ts|tsx|mts|cts)$/.test(e));
  bad('source maps', (e) => e.endsWith('.map'));
  bad('tests', (e) => /^\/tests(\/|$)/.test(e) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(e));
  bad('sources outside out/', (e) => /^\/(main|preload|renderer|shared|scripts|build|docs|\.github|\.ci)(\/|$)/.test(e));

  const devOnly = new Set([...Object.keys(pkg.devDependencies ?? {}), ...ALWAYS_FORBIDDEN_PACKAGES]);
  for (const name of Object.keys(pkg.dependencies ?? {})) devOnly.delete(name);
  const packagesInAsar = new Set(
    entries.map((e) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(e)?.[1]).filter(Boolean),
  );
  const devFound = [...devOnly].filter((name) => packagesInAsar.has(name));
  if (devFound.length) problems.push(`dev dependencies packed: ${devFound.join(', ')}`);
  const prodMissing = Object.keys(pkg.dependencies ?? {}).filter((name) => !set.has(`/node_modules/${name}/package.json`));
  if (prodMissing.length) problems.push(`production dependencies missing: ${prodMissing.join(', ')}`);
  return problems;
}

/**
 * Problems with a fuse wire read back from the packaged binary: `wire` maps the wire index to the
 * byte found (48 '0' off, 49 '1' on).
 */
export function checkFuseWire(wire) {
  const problems = [];
  for (const [fuse, index] of Object.entries(FUSE_WIRE_INDEX)) {
    const want = EXPECTED_FUSES[fuse] ? 49 : 48;
    if (wire[index] !== want) problems.push(`fuse ${fuse} is ${wire[index] === 49 ? 'on' : wire[index] === 48 ? 'off' : `unset (${wire[index]})`}, want ${want === 49 ? 'on' : 'off'}`);
  }
  return problems;
}
