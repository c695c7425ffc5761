// The test Worker: imports the package as published and runs the shared suites on request.
import * as lib from 'idp-connections';
import * as validators from 'idp-connections/validate';
import { runNameSuite } from '../shared/name-suite.mjs';
import { runClientSuite } from '../shared/client-suite.mjs';
import { runAcceptSuite } from '../shared/accept-suite.mjs';
import { runRulesSuite } from '../shared/rules-suite.mjs';
import { exportedNames } from '../shared/exports.mjs';

const suites = {
  '/suite/name': () => runNameSuite(lib),
  '/suite/validate': () => runNameSuite(validators),
  '/suite/accept': () => runAcceptSuite(lib),
  '/suite/accept-validate': () => runAcceptSuite(validators),
  '/suite/rules': () => runRulesSuite(lib),
  '/suite/rules-validate': () => runRulesSuite(validators),
  '/suite/client': (env) => runClientSuite(lib, env.TENANT),
  '/exports': () => ({ main: exportedNames(lib), validate: exportedNames(validators) }),
};

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    const suite = suites[pathname];
    if (!suite) return new Response('ready', { status: pathname === '/__ready' ? 200 : 404 });
    try {
      return Response.json(await suite(env));
    } catch (error) {
      return Response.json({ error: String(error?.stack ?? error) }, { status: 500 });
    }
  },
};
