// Vite build of the admin SPA; the server serves admin/dist at /admin/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP has no inline scripts: keep every module an external file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite --config admin/vite.config.ts` during development, with the API on PORT 3200.
    proxy: { '/api': 'http://127.0.0.1:3200' },
  },
});
