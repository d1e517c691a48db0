/**
 * The e2e harness is only as close to the app as it is strict: the page gets the app:// handler's own
 * headers (so the CSP is live), window.api is the preload's frozen buildApi, and a call that lies
 * about its types is caught as a contract violation that fails the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RENDERER_RESPONSE_HEADERS } from '../../main/electron/origin';
import { awsTestEnv } from '../helpers/moto';
import { checkRequest, checkResponse, HAS_CHROMIUM, startHarness, type Harness } from './harness';

// The page's globals, for the functions below that run inside it (page.evaluate); this file is
// compiled without the DOM library.
interface PageElement {
  textContent: string;
}
declare const document: {
  addEventListener(type: 'securitypolicyviolation', fn: (e: { violatedDirective: string }) => void, options: { once: boolean }): void;
  createElement(tag: 'script'): PageElement;
  body: { appendChild(node: PageElement): void };
};
declare const window: Record<string, unknown>;

describe.skipIf(!HAS_CHROMIUM)('e2e harness', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close().catch(() => undefined);
    h = null;
  });

  it('serves the page with exactly the headers of the app:// handler, and the CSP is enforced', async () => {
    h = await startHarness(awsTestEnv(null));
    const res = await h.page.request.get(h.page.url());
    for (const [name, value] of Object.entries(RENDERER_RESPONSE_HEADERS)) expect(res.headers()[name.toLowerCase()]).toBe(value);
    // script-src 'self': an inline script added to the page is refused and reported as a violation.
    const blocked = await h.page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string | null }>((resolve) => {
          let violated: string | null = null;
          document.addEventListener('securitypolicyviolation', (e) => (violated = e.violatedDirective), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.__inlineRan = true;';
          document.body.appendChild(script);
          setTimeout(() => resolve({ ran: window.__inlineRan === true, violated }), 200);
        }),
    );
    expect(blocked.ran).toBe(false);
    expect(blocked.violated).toMatch(/^script-src/);
    h.pageErrors.length = 0; // the refused script is reported on the console on purpose
  });

  it('window.api is the frozen contract API: one function per channel, nothing else', async () => {
    h = await startHarness(awsTestEnv(null));
    const shape = await h.page.evaluate(() => {
      const api = (window as unknown as { api: Record<string, Record<string, unknown>> }).api;
      return {
        frozen: Object.isFrozen(api) && Object.values(api).every((d) => Object.isFrozen(d)),
        setup: Object.keys(api.setup ?? {}).sort(),
        runs: Object.keys(api.runs ?? {}).sort(),
      };
    });
    expect(shape.frozen).toBe(true);
    expect(shape.setup).toEqual(expect.arrayContaining(['plan', 'apply', 'verify', 'destroy']));
    // Long work is followed and stopped through the runs domain only (one way to run long work).
    expect(shape.setup).not.toContain('progress');
    expect(shape.setup).not.toContain('cancel');
    expect(shape.runs).toEqual(['cancel', 'list', 'progress']);
  });

  it('a type-lying call is a contract violation, and close() fails the test', async () => {
    h = await startHarness(awsTestEnv(null));
    const answer = await h.page.evaluate(() =>
      (window as unknown as { api: { setup: { plan: (r: unknown) => Promise<unknown> } } }).api.setup.plan({ name: 42, region: 'mars-1' }),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(h.contractViolations).toHaveLength(1);
    expect(h.contractViolations[0]).toMatch(/^setup:plan request/);
    const closing = h;
    h = null;
    await expect(closing.close()).rejects.toThrow(/broke the contract/);
  });

  it('checks answers too: a value off the response schema or an untyped error is a violation', () => {
    expect(checkRequest('profiles:list', {})).toBeNull();
    expect(checkRequest('no:such', {})).toMatch(/unknown channel/);
    expect(checkResponse('session:current', { ok: true, value: null })).toBeNull();
    expect(checkResponse('session:current', { ok: true, value: { profile: 3 } })).toMatch(/session:current response/);
    expect(checkResponse('session:current', { ok: false, error: { message: 'x' } })).toMatch(/neither a value nor a typed error/);
  });
});
