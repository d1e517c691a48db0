import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the chart benchmark page (never part of the app). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: resolve(import.meta.dirname, '../../out/bench'), emptyOutDir: true, minify: true, chunkSizeWarningLimit: 2000 },
});
