#!/usr/bin/env node
// Starts the local tenant: `node tenant/cli.mjs [--port 4010] [--seed sample|empty] [--bulk N] [--static dir]
// [--bucket-size N --refill-per-second R]` (the last two: an enforced token bucket, 429 when empty).
import { parseArgs } from 'node:util';
import { startTenant } from './server.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4010' }, seed: { type: 'string', default: 'sample' }, bulk: { type: 'string' }, static: { type: 'string' },
    'bucket-size': { type: 'string' }, 'refill-per-second': { type: 'string' } },
});
const tenant = await startTenant({
  port: Number(values.port),
  seed: values.bulk ? { bulk: Number(values.bulk) } : values.seed,
  staticDir: values.static,
  ...(values['bucket-size'] || values['refill-per-second']
    ? { rateLimit: { size: Number(values['bucket-size'] ?? 10), refillPerSecond: Number(values['refill-per-second'] ?? 2) } }
    : {}),
});
console.log(`local tenant on ${tenant.origin}  (Auth0 token: local-token; client: local-client / local-secret; Okta SSWS token: local-okta-token)`);
const stop = async () => {
  await tenant.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
