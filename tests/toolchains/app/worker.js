// A web worker running the same check (Vite worker bundle, webpack webworker target).
import { check } from './check.js';

check().then(
  (result) => postMessage(result),
  (error) => postMessage({ error: String(error) }),
);
