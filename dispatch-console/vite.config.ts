import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const backend = process.env.EC_BACKEND_URL ?? 'http://127.0.0.1:3000';

/** The dispatch console: built into dispatch-console/dist, which the server serves. */
export default defineConfig({
  root: consoleRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/socket.io': { target: backend, ws: true, changeOrigin: true },
    },
  },
});
