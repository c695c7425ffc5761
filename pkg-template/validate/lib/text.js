// The validators-only glue imports its helpers relative to itself: the package's own module.
export { utf8 } from '../../lib/text.js';
