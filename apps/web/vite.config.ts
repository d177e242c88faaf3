import path from 'node:path';
import { defineConfig } from 'vite';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

// Built into the API's static folder (<dist>/web); DIST_DIR keeps parallel work trees apart as for the API build.
// JSX is compiled by Vite's own transformer (automatic runtime); no dev-server fast refresh is needed.
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(repoRoot, process.env.DIST_DIR ?? 'dist', 'web'),
    emptyOutDir: true,
    // The largest chunk is ECharts, which only the chart pages load.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // React Query marks its modules "use client" (for server components); in a browser-only bundle it means nothing.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
