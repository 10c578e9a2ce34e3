// Vite build of the Console: static files in dist/, served by gatehouse under /console/.
//
// For development without a gatehouse that serves the Console, `npm run dev` or `vite preview`
// proxy the server's paths to GATEHOUSE_DEV_TARGET (default 127.0.0.1:3001), and answer
// /console/config.json with GATEHOUSE_DEV_CONFIG (a JSON string) when it is set.
import { defineConfig } from 'vite';

const target = process.env.GATEHOUSE_DEV_TARGET ?? 'http://127.0.0.1:3001';
const proxy = Object.fromEntries(['/api', '/oidc', '/sign-in'].map((p) => [p, { target }]));

function devConfig() {
  const serve = (server) => {
    server.middlewares.use('/console/config.json', (req, res, next) => {
      if (!process.env.GATEHOUSE_DEV_CONFIG) return next();
      res.setHeader('content-type', 'application/json');
      res.end(process.env.GATEHOUSE_DEV_CONFIG);
    });
  };
  return { name: 'gatehouse-dev-config', configureServer: serve, configurePreviewServer: serve };
}

export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic' },
  plugins: [devConfig()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy },
  preview: { proxy },
});
