// Types of idp-connections/validate: the validators, the models they name, the Standard Schema
// objects and STRATEGIES (no clients).
export * from './validate.js';
export { STRATEGIES } from '../lib/strategies.js';
export * from '../lib/standard-schema.js';
export { validateConnectionName } from '../lib/fields.js';
