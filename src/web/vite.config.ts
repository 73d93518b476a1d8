import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Libraries change far less often than the app: in chunks of their own they stay cached across
// app releases. Packages not named here go wherever Rollup puts them (with the pages that use them).
const VENDOR_CHUNKS: Record<string, string[]> = {
  react: [
    'react',
    'react-dom',
    'scheduler',
    'wouter',
    'use-sync-external-store',
    '@tanstack/query-core',
    '@tanstack/react-query',
    'i18next',
    'react-i18next',
  ],
  mantine: [
    '@mantine/core',
    '@mantine/hooks',
    '@mantine/notifications',
    '@mantine/store',
    '@floating-ui/core',
    '@floating-ui/dom',
    '@floating-ui/react',
    '@floating-ui/react-dom',
    '@floating-ui/utils',
    'react-remove-scroll',
    'react-remove-scroll-bar',
    'react-style-singleton',
    'react-transition-group',
    'use-callback-ref',
    'use-sidecar',
    'clsx',
  ],
  zod: ['zod'],
};
const CHUNK_OF_PACKAGE = new Map(
  Object.entries(VENDOR_CHUNKS).flatMap(([chunk, packages]) => packages.map((name) => [name, `vendor-${chunk}`])),
);

function vendorChunk(id: string): string | undefined {
  const name = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];

  return name ? CHUNK_OF_PACKAGE.get(name) : undefined;
}

// The web UI lives in src/web and is served by the RedCard server from dist/web.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
