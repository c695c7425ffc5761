// Bundles the console with esbuild, consuming idp-connections from www/node_modules (the packed
// tarball), into www/dist/: index.html, styles.css, assets/main.js, and the package's .wasm where
// the package's browser entry looks for it (one level above the bundle).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BROWSER_BUNDLE } from '../scripts/browser-bundle.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Builds the console into `outDir` (default www/dist); `demo` writes the embedded tenant's sample credentials. */
export async function buildConsole({ outDir = join(here, 'dist'), demo } = {}) {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  await esbuild.build({
    ...BROWSER_BUNDLE,
    entryPoints: [join(here, 'src', 'main.js')],
    outfile: join(outDir, 'assets', 'main.js'),
    logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'index.html'), readFileSync(join(here, 'index.html'), 'utf8').replace('./main.js', './assets/main.js'));
  copyFileSync(join(here, 'styles.css'), join(outDir, 'styles.css'));
  if (demo) writeFileSync(join(outDir, 'demo.json'), JSON.stringify(demo));
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildConsole();
  console.log(`console built into ${out}`);
}
