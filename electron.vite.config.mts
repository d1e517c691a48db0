import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './vite.renderer.config.mts';

// main/, preload/ and renderer/ sit at the repository root (not electron-vite's default src/).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      sourcemap: false,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      sourcemap: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
