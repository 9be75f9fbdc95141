/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The backend serves dist/ at / (SPA fallback) and dist/assets at /assets.
// For `npm run dev`, /api is proxied to a backend on PARKREGIE_API (default :8000).
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': process.env.PARKREGIE_API ?? 'http://127.0.0.1:8000',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
