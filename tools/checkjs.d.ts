// Ambient modules for type-checking the package's JS layer (tools/tsconfig.checkjs.json): the
// workerd init imports its .wasm as a compiled module, and the Node init reads the file (the check
// runs without @types/node, so only what init-node.js uses is declared).
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module 'node:fs' {
  export function readFileSync(path: URL): Uint8Array;
}
