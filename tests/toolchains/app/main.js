// A page without a worker (esbuild, Rollup): the result goes to window.__result.
import { check } from './check.js';

check().then(
  (result) => (window.__result = { main: result }),
  (error) => (window.__result = { error: String(error) }),
);
