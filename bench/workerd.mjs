// Worker cold start: time from starting workerd to the first answered request of a Worker that
// imports the package, in real workerd.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorker } from '../tests/workerd/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Median over `n` fresh workerd processes of start-to-first-response, in ms. */
export async function benchWorkerd({ entry = join(here, '..', 'tests', 'workerd', 'worker.mjs'), path = '/suite/name', n = 5 } = {}) {
  const samples = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    const worker = await startWorker({ entry, name: 'bench' });
    try {
      const response = await fetch(new URL(path, worker.url));
      if (!response.ok) throw new Error(`worker answered ${response.status}`);
      await response.arrayBuffer();
      samples.push(performance.now() - t);
    } finally {
      await worker.close();
    }
  }
  samples.sort((a, b) => a - b);
  return [{ metric: 'workerd start to first response', unit: 'ms', ours: samples[Math.floor(n / 2)] }];
}
