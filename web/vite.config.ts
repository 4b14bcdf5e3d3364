import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is built into dist/web and served by Hikeshi itself at `/` (no second server).
// `npm run dev:web` proxies the API to a Hikeshi started with `npm run dev` on port 8080.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/respond': 'http://127.0.0.1:8080' } },
});
