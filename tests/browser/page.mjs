// The browser test page: imports the package through the bundler and runs the shared suites.
import * as lib from 'idp-connections';
import * as validators from 'idp-connections/validate';
import { runNameSuite } from '../shared/name-suite.mjs';
import { runAcceptSuite } from '../shared/accept-suite.mjs';
import { runRulesSuite } from '../shared/rules-suite.mjs';

try {
  window.__results = {
    name: runNameSuite(lib),
    validate: runNameSuite(validators),
    accept: runAcceptSuite(lib),
    acceptValidate: runAcceptSuite(validators),
    rules: runRulesSuite(lib),
    rulesValidate: runRulesSuite(validators),
  };
} catch (error) {
  window.__error = String(error?.stack ?? error);
}
