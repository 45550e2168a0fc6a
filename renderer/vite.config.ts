import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Renderer build. Everything is bundled: the app must run offline (file:// in Electron, the
 * engine's HTTP server in browser mode), so nothing may be loaded from the network.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  // The bundled offline basemap (Natural Earth GeoJSON in resources/basemap) is emitted as assets.
  resolve: { alias: { '@basemap': fileURLToPath(new URL('../resources/basemap', import.meta.url)) } },
  // MapLibre's worker is bundled from the package and loaded from the app's own origin (setWorkerUrl).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One offline bundle: antd + apache-arrow are large and that is fine for a desktop app.
    chunkSizeWarningLimit: 5000,
  },
});
