/**
 * GET /dashboard/: the quality dashboard. Plain HTML, ES-module JavaScript and CSS beside this file
 * (copied to dist/ by the build), plus Chart.js's self-contained UMD file from node_modules: the
 * browser needs no build step and no network beyond this gateway. The page holds no data; it asks
 * /kwaliteit/* with the API key the user typed, so the API alone decides who sees what.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../errors.js';

export const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');

/** Nothing inline and nothing from elsewhere: scripts, styles and fetches come from this gateway only. */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  readonly type: string;
  readonly body: Buffer;
}

/** Chart.js's UMD build bundles its one dependency, so the browser loads it without an import map. */
export function chartJsFile(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

/** Read once when the plugin registers: a missing file stops the start instead of a 404 later. */
function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(STATIC_DIR)) {
    const type = MEDIA_TYPES[extname(name)];
    if (type !== undefined) assets.set(name, { type, body: readFileSync(join(STATIC_DIR, name)) });
  }
  // The source map comment at its end would make a browser with devtools open ask for a file we do not serve.
  const chart = readFileSync(chartJsFile(), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  assets.set('chart.umd.min.js', { type: MEDIA_TYPES['.js']!, body: Buffer.from(chart) });
  return assets;
}

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const assets = loadAssets();
  const index = assets.get('index.html');
  if (index === undefined) throw new Error(`dashboard: no index.html in ${STATIC_DIR}`);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', DASHBOARD_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    // Small files, and a new release must show at once: the browser revalidates every time.
    reply.header('cache-control', 'no-cache');
    return payload;
  });

  // A relative redirect keeps the page's relative URLs right behind a proxy that adds a path prefix.
  app.get('/dashboard', { schema: { summary: 'Quality dashboard (redirects to /dashboard/)', tags: ['dashboard'] } }, async (_request, reply) =>
    reply.redirect('dashboard/', 302),
  );

  app.get('/dashboard/', { schema: { summary: 'Quality dashboard: the page (Dutch); data from /kwaliteit/* with your API key', tags: ['dashboard'] } }, async (_request, reply) =>
    reply.type(index.type).send(index.body),
  );

  app.get(
    '/dashboard/assets/:name',
    {
      schema: {
        summary: 'Quality dashboard: its scripts and style sheet',
        tags: ['dashboard'],
        params: { type: 'object', properties: { name: { type: 'string', pattern: '^[\\w.-]+$' } }, required: ['name'] },
      },
    },
    async (request, reply) => {
      const { name } = request.params as { name: string };
      const asset = name === 'index.html' ? undefined : assets.get(name);
      if (asset === undefined) throw new GatewayError('IJW_ERR_NOT_FOUND', `No dashboard file ${name}.`);
      return reply.type(asset.type).send(asset.body);
    },
  );
}
