// The esbuild options of a browser bundle, in one place for the three builds that must agree: the
// console (www/build.mjs), the size benchmark (bench/size.mjs) and the size snapshot
// (scripts/size-snapshot.mjs), so the README's bundle figures are what a minified browser app costs.

/**
 * esbuild options for a minified ES2022 browser bundle (`--bundle --minify --format=esm
 * --platform=browser --target=es2022`, resolving the `browser` export condition); a build adds its
 * input, output and log level.
 */
export const BROWSER_BUNDLE = Object.freeze({
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: Object.freeze(['browser']),
});
