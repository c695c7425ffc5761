// The validators in headless Chromium, imported through esbuild: the name suite, and body
// validators judging JS values as their JSON form (tests/shared/accept-suite.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage, serveDir, runPage } from './harness.mjs';

let server;
let pageUrl;
before(async () => {
  const dir = await buildPage({ entry: fileURLToPath(new URL('./page.mjs', import.meta.url)), name: 'suite' });
  server = await serveDir(join(dir, '..'));
  pageUrl = `${server.url}/suite/index.html`;
});
after(() => server?.close());

test('the name suite passes in Chromium', async () => {
  const results = await runPage(pageUrl);
  assert.equal(results.name.failureCount, 0, JSON.stringify(results.name.failures, null, 1));
  assert.ok(results.name.shapeOk);
  assert.ok(results.name.total > 2000);
});

test('idp-connections/validate runs the same name suite in Chromium', async () => {
  const results = await runPage(pageUrl);
  assert.equal(results.validate.failureCount, 0, JSON.stringify(results.validate.failures, null, 1));
  assert.equal(results.validate.total, results.name.total);
});

test('both entries judge JS values as their JSON form in Chromium', async () => {
  const results = await runPage(pageUrl);
  for (const report of [results.accept, results.acceptValidate]) {
    assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
    assert.ok(report.total > 2000 && report.valid > 200, `${report.valid} valid of ${report.total}`);
  }
});

test("both entries apply the server's cross-field rules in Chromium", async () => {
  const results = await runPage(pageUrl);
  for (const report of [results.rules, results.rulesValidate]) {
    assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
    assert.ok(report.total >= 20);
  }
});
