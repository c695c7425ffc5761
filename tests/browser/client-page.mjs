// The browser client page: imports the package through the bundler and runs the client suite
// against the tenant named in `?tenant=` (its control endpoints through this page's own origin).
import * as lib from 'idp-connections';
import { runClientSuite } from '../shared/client-suite.mjs';

const origin = new URL(window.location.href).searchParams.get('tenant');
// The tenant's control endpoints take no cross-origin calls: the test server forwards them.
runClientSuite(lib, origin, window.location.origin).then(
  (report) => {
    window.__results = report;
  },
  (error) => {
    window.__error = String(error?.stack ?? error);
  },
);
