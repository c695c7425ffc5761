// make bench: measures the package beside its peers in one run on this machine, prints the
// figures side by side and writes bench/results.json. Benchmarks print; tests never assert timings.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSize } from './size.mjs';
import { benchValidation } from './validate.mjs';
import { benchColdStart } from './coldstart.mjs';
import { benchWorkerd } from './workerd.mjs';
import { benchPaging } from './paging.mjs';
import { benchRateLimit } from './rate-limit.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// The Auth0 spec with its overlay (tests/shared/ajv-spec.mjs's default), as the package is generated from it.
const specPath = undefined;

const sections = [
  ['size', () => benchSize()],
  ['validation', () => benchValidation({ specPath })],
  ['cold start', () => benchColdStart()],
  ['workerd', () => benchWorkerd()],
  ['paging', () => benchPaging()],
  ['rate limit', () => benchRateLimit()],
];

/** Formats a figure with 3 significant digits. */
const fmt = (x) => (x === undefined ? '' : x >= 100 ? x.toFixed(0) : x.toPrecision(3));

const rows = [];
for (const [section, run] of sections) {
  process.stderr.write(`bench: ${section}…\n`);
  // A section may give its own ratio (timed rounds: the median of per-round ratios).
  for (const row of await run()) rows.push({ section, ...row, ratio: row.ratio ?? (row.peer ? row.ours / row.peer : undefined) });
}

const header = ['metric', 'unit', 'idp-connections', 'peer', 'peer figure', 'ours / peer'];
const table = rows.map((r) => [r.metric, r.unit, fmt(r.ours), r.peerName ?? '', fmt(r.peer), r.ratio ? `${r.ratio.toFixed(2)}×` : '']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));

const machine = { cpu: cpus()[0]?.model, cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}`, node: process.version };
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}; written to bench/results.json`);
