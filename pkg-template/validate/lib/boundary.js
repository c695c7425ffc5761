// @ts-check
// The validators-only glue imports its helpers relative to itself: the package's own module.
export * from '../../lib/boundary.js';
