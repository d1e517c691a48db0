/**
 * The test-file side of the servers kept per worker slot (./slot-servers.ts): where this file's moto
 * server or browser is. Light on purpose: no server code is loaded into the test worker.
 */
import { expect, inject } from 'vitest';

/** The kinds of server kept per worker slot: moto's base URL, or Chromium's Playwright websocket endpoint. */
export type SlotServerKind = 'moto' | 'chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The per-slot server broker's base URL (tests/helpers/global-setup-servers.ts), in the tiers that share servers. */
    onrampSlotBroker?: string;
  }
}

/**
 * The broker's URL; undefined outside a Vitest worker (a script such as the bench). Inside one, a
 * project without the broker throws: the file is in a tier that does not share servers.
 */
export function slotBrokerUrl(what: string): string | undefined {
  let url: string | undefined;
  try {
    url = inject('onrampSlotBroker');
  } catch {
    return undefined;
  }
  if (url) return url;
  throw new Error(
    `${expect.getState().testPath ?? 'This test file'} uses ${what}, but its Vitest project does not share servers: ` +
      'name the file *.moto.test.ts (or put it under tests/e2e/) so that it runs in the moto or e2e tier (scripts/test-tiers.mjs).',
  );
}

/** The address of this worker slot's server of `kind`, started by the broker on first demand. */
export async function slotServer(brokerUrl: string, kind: SlotServerKind): Promise<string> {
  const slot = process.env.VITEST_POOL_ID ?? '1';
  const res = await fetch(`${brokerUrl}/${kind}/${slot}`);
  if (!res.ok) throw new Error(`The test server broker could not give worker slot ${slot} a ${kind} server: ${await res.text()}`);
  return ((await res.json()) as { address: string }).address;
}
