// make demo: builds the console, starts the local tenant seeded with sample data and serving the
// console on 127.0.0.1:$PORT (8080), prints the URL, and stops everything on Ctrl-C.
import { buildConsole } from '../www/build.mjs';
import { startTenant } from '../tenant/server.mjs';

const port = Number(process.env.PORT ?? 8080);
const token = 'local-token';
const oktaToken = 'local-okta-token';
const staticDir = await buildConsole({ demo: { token, oktaToken } });
// Rate-limited like a small Auth0 tenant (a bucket of 10 refilling 5/s; RATE_LIMIT=off for none),
// so the console's paging and edits go through the clients' rate limiter.
const rateLimit = process.env.RATE_LIMIT === 'off' ? undefined : { size: 10, refillPerSecond: 5 };
const tenant = await startTenant({ port, seed: 'sample', token, oktaToken, staticDir, ...(rateLimit ? { rateLimit } : {}) });
console.log(`\n  Connections console:  ${tenant.origin}/`);
console.log('  Embedded local tenant: the same origin (/api/v2 for Auth0, /api/v1 for Okta), sample data loaded.');
console.log(rateLimit ? '  Rate limit: a bucket of 10 requests refilling 5 per second (RATE_LIMIT=off for none).' : '  No rate limit.');
console.log('  Ctrl-C stops it.\n');
const stop = async () => {
  await tenant.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
