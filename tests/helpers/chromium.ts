/** How the tests start Debian's Chromium (TOOLCHAIN: playwright-core drives /usr/bin/chromium; no browser download). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
