// The browser client page: imports the package through the bundler and runs the client suite
// against the tenant named in `?tenant=`.
import * as lib from 'idp-connections';
import { runClientSuite } from '../shared/client-suite.mjs';

const origin = new URL(window.location.href).searchParams.get('tenant');
runClientSuite(lib, origin).then(
  (report) => {
    window.__results = report;
  },
  (error) => {
    window.__error = String(error?.stack ?? error);
  },
);
