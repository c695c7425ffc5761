// The client suite every runtime runs against the local tenant (started by the Node side, seeded
// with { bulk: 120 }): list + for-await over every page, a create, a retried 429, a validation
// refusal, a refused redirect, the Okta client (an answer outside the spec, update with
// activate, a 204), and a burst paced by the rate limiter through the tenant's bucket. Faults are injected over the tenant's HTTP control endpoints (JSON only, no
// CORS: a page reaches them through its own origin, `controlOrigin`). Returns a report.

/**
 * Runs the suite with `lib` (the package) against the tenant at `origin`; its control endpoints
 * are reached at `controlOrigin` (the tenant itself, or a same-origin forwarder for a page).
 */
export async function runClientSuite(lib, origin, controlOrigin = origin) {
  const checks = [];
  const check = (name, ok, detail = '') => checks.push({ name, ok: Boolean(ok), detail: String(detail) });
  const control = (path, init = {}) => fetch(`${controlOrigin}/__control/${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const client = new lib.ManagementClient({ domain: origin, token: 'local-token', maxRetries: 3 });

  const first = await client.connections.list({ take: 50 });
  check('first page', first.data.length === 50 && first.hasNextPage(), first.data.length);
  const ids = new Set();
  let progress = 0;
  const page = await client.connections.list({ take: 50 }, { onProgress: (n) => (progress = n) });
  for await (const connection of page) ids.add(connection.id);
  check('for await walks every page', ids.size === 120, ids.size);
  check('progress reports the items walked', progress === 120, progress);

  const name = `runtime-${Math.random().toString(36).slice(2, 10)}`;
  const created = await client.connections.create({ name, strategy: 'auth0', metadata: { runtime: 'suite' } });
  check('create', created.name === name && created.id, JSON.stringify(created).slice(0, 120));

  await control('faults', { method: 'POST', body: JSON.stringify({ method: 'GET', path: `/api/v2/connections/${created.id}`, status: 429, headers: { 'retry-after': '0' }, times: 1 }) });
  const before = (await (await control('requests')).json()).length;
  const fetched = await client.connections.get(created.id);
  const after = (await (await control('requests')).json()).length;
  check('a 429 is retried', fetched.id === created.id && after - before === 2, `${after - before} requests`);

  // A redirect (here to a marked path) is refused, not followed: following would re-send the
  // credentials and the body. Browsers report it as an opaque redirect, workerd as the 307.
  const marker = `/api/v2/connections/redirected-${Math.random().toString(36).slice(2, 10)}`;
  await control('faults', { method: 'POST', body: JSON.stringify({ method: 'GET', path: '/api/v2/connections/con_redirect', status: 307, headers: { location: `${origin}${marker}` }, times: 1 }) });
  let redirected;
  try {
    await client.connections.get('con_redirect');
  } catch (error) {
    redirected = error;
  }
  const followed = (await (await control('requests')).json()).some((r) => r.rawPath === marker);
  // workerd sees the 307 and its Location; a browser only an opaque redirect (status 0, no Location).
  const named = redirected?.statusCode === 307 ? `HTTP 307 redirect to ${origin} ` : 'HTTP 0 redirect to an unknown location ';
  check('a redirect is refused, not followed', redirected instanceof lib.ManagementError && redirected.message.startsWith(`GET /api/v2/connections/con_redirect: ${named}not followed`) && !followed, `${redirected?.message}; followed: ${followed}`);

  let refused;
  try {
    await client.connections.create({ name: 'bad--name', strategy: 'auth0' });
  } catch (error) {
    refused = error;
  }
  check('invalid bodies are refused before sending', refused instanceof lib.ManagementError && refused.kind === 'validation' && refused.issues[0].code === 'pattern', refused?.message);

  await client.connections.delete(created.id);

  const okta = new lib.OktaClient({ orgUrl: origin, token: 'local-okta-token' });
  const org2org = await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' });
  check('Okta: an answer without profile parses', org2org.authScheme === 'TOKEN' && org2org.profile === undefined, JSON.stringify(org2org).slice(0, 80));
  const updated = await okta.updateDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org', body: { profile: { authScheme: 'TOKEN', token: 'abc' } }, activate: true });
  check('Okta: update with activate', updated.status === 'ENABLED', updated.status);
  const deactivated = await okta.deactivateDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' });
  check('Okta: 204 lifecycle answers resolve to undefined', deactivated === undefined, String(deactivated));

  // The rate limiter in this runtime: 40 gets at once through a bucket of 5 refilling 50/s.
  await control('rate-limit', { method: 'POST', body: JSON.stringify({ size: 5, refillPerSecond: 50 }) });
  const sentBefore = (await (await control('requests')).json()).length;
  const paced = new lib.ManagementClient({ domain: origin, token: 'local-token', maxRetries: 1 });
  const burst = await Promise.allSettled(Array.from({ length: 40 }, () => paced.connections.get(first.data[0].id)));
  const log = (await (await control('requests')).json()).slice(sentBefore);
  await control('rate-limit', { method: 'POST', body: 'null' });
  const lost = burst.filter((r) => r.status === 'rejected').length;
  const throttled = log.filter((r) => r.status === 429).length;
  check('the rate limiter paces a burst: none lost, at most one 429', lost === 0 && throttled <= 1, `${lost} lost, ${throttled} 429s`);
  return { ok: checks.every((c) => c.ok), checks };
}
