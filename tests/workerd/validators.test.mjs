// The validators inside real workerd: the name suite, and body validators judging JS values as
// their JSON form (tests/shared/accept-suite.mjs), through both entries.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startWorker } from './harness.mjs';
import { documentedExports } from '../shared/exports.mjs';

let worker;
before(async () => {
  worker = await startWorker({ entry: fileURLToPath(new URL('./worker.mjs', import.meta.url)) });
});
after(() => worker?.close());

test('the name suite passes in workerd', async () => {
  const response = await fetch(`${worker.url}/suite/name`);
  const report = await response.json();
  assert.equal(response.status, 200, report.error);
  assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
  assert.ok(report.shapeOk);
  assert.ok(report.total > 2000);
});

test('idp-connections/validate runs the same suite in workerd', async () => {
  const response = await fetch(`${worker.url}/suite/validate`);
  const report = await response.json();
  assert.equal(response.status, 200, report.error);
  assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
  assert.ok(report.total > 2000);
});

for (const [path, entry] of [['/suite/accept', 'idp-connections'], ['/suite/accept-validate', 'idp-connections/validate']]) {
  test(`${entry} judges JS values as their JSON form in workerd`, async () => {
    const response = await fetch(`${worker.url}${path}`);
    const report = await response.json();
    assert.equal(response.status, 200, report.error);
    assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
    assert.ok(report.total > 2000 && report.valid > 200, `${report.valid} valid of ${report.total}`);
  });
}

for (const [path, entry] of [['/suite/rules', 'idp-connections'], ['/suite/rules-validate', 'idp-connections/validate']]) {
  test(`${entry} applies the server's cross-field rules in workerd`, async () => {
    const response = await fetch(`${worker.url}${path}`);
    const report = await response.json();
    assert.equal(response.status, 200, report.error);
    assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
    assert.ok(report.total >= 20);
  });
}

test('both workerd entries export exactly the API the README lists', async () => {
  const readme = readFileSync(join(dirname(createRequire(import.meta.url).resolve('idp-connections/package.json')), 'README.md'), 'utf8');
  const response = await fetch(`${worker.url}/exports`);
  const exported = await response.json();
  assert.equal(response.status, 200, exported.error);
  assert.deepEqual(exported, documentedExports(readme));
});
