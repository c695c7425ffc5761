// A page that runs the check itself and in a web worker (Vite, webpack web target).
import { check } from './check.js';

const inWorker = new Promise((resolve) => {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => resolve(event.data);
  worker.onerror = (event) => resolve({ error: event.message || 'worker failed' });
});
Promise.all([check(), inWorker]).then(
  ([main, worker]) => (window.__result = { main, worker }),
  (error) => (window.__result = { error: String(error) }),
);
