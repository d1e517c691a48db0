/**
 * A test file borrows its worker slot's moto server (./slot-servers.ts), reset, instead of starting its
 * own: starting moto_server costs one to several seconds on a busy machine, a reset about a tenth of one.
 */
import { resetMoto, startMoto, type Moto } from './moto';
import { slotBrokerUrl, slotServer } from './slot-client';

let borrowed = 0;

/**
 * A moto server with no resource in it, for one test file (or one describe block): this worker slot's
 * shared server after a reset. Only one file runs in a slot at a time, so the reset touches nobody
 * else. Its `stop()` hands it back instead of stopping it. Outside Vitest, or while another block of
 * the same file still holds the shared server, it is a private server of its own, stopped by `stop()`.
 */
export async function sharedMoto(): Promise<Moto> {
  const broker = slotBrokerUrl('moto');
  if (!broker || borrowed > 0) return startMoto();
  const url = await slotServer(broker, 'moto');
  await resetMoto(url);
  borrowed++;
  let held = true;
  return {
    url,
    port: Number(new URL(url).port),
    reset: () => resetMoto(url),
    running: () => held,
    stop: async () => {
      if (held) borrowed--;
      held = false;
    },
  };
}
