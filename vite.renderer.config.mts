import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer on its own (the e2e harness serves the output); electron-vite reuses the same layout. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    // A desktop app loads its bundle from disk; one ~600 kB chunk (React + Mantine) is fine.
    chunkSizeWarningLimit: 1000,
  },
});
