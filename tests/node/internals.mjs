// The package's private modules, for tests only: the wasm glue and lib/ files of the installed
// package, imported by file (the `exports` map does not reach them, on purpose). The instances are
// the ones the entries loaded, so the glue's wasm is already initialised.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The installed package's directory. */
export const packageDir = dirname(createRequire(import.meta.url).resolve('idp-connections/package.json'));

/** A module of the installed package by its path inside the package. */
export const packageFile = (path) => import(pathToFileURL(join(packageDir, path)).href);

/** The main entry's wasm glue (`wasmMemoryBytes`, `schema_tables`, the snake_case wasm halves). */
export const glue = await packageFile('idp_connections.js');
