// Vite build of the Console: static files in dist/, served by gatehouse under /console/.
// `npm run dev` proxies the server's paths to GATEHOUSE_DEV_TARGET (default localhost:3001).
import { defineConfig } from 'vite';

const target = process.env.GATEHOUSE_DEV_TARGET ?? 'http://127.0.0.1:3001';
const proxied = ['/api', '/oidc', '/sign-in', '/console/config.json'];

export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    proxy: Object.fromEntries(proxied.map((p) => [p, { target, changeOrigin: false }])),
  },
});
