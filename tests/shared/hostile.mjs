// Hostile JS values, shared by the Node, workerd and browser suites. Each entry is
// `[label, () => value]`: a factory, so every call gets a fresh value (and no suite can mutate
// another's).

/** A Proxy whose every trap throws. */
function throwingProxy(target) {
  const trap = () => {
    throw new Error('hostile trap');
  };
  return new Proxy(target, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
}

/** An object nested `depth` levels deep: `{ a: { a: … } }`. */
export function deepObject(depth) {
  let value = {};
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

/** An array nested `depth` levels deep. */
export function deepArray(depth) {
  let value = [];
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** Values that are never valid where a string, boolean or object field is expected. */
export const HOSTILE_VALUES = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['-0', () => -0],
  ['huge number', () => 1e308],
  ['BigInt', () => 10n],
  ['symbol', () => Symbol('s')],
  ['function', () => () => 1],
  ['class', () => class X {}],
  ['empty array', () => []],
  ['array of strings', () => ['a', 'b']],
  ['empty object', () => ({})],
  ['Date', () => new Date(0)],
  ['RegExp', () => /x/],
  ['Map', () => new Map([['a', 1]])],
  ['Set', () => new Set([1])],
  ['Uint8Array', () => new Uint8Array(4)],
  ['boxed string', () => new String('abc')],
  ['Promise', () => Promise.resolve(1)],
  ['Error', () => new Error('e')],
  ['cyclic object', () => {
    const o = {};
    o.self = o;
    return o;
  }],
  ['cyclic array', () => {
    const a = [];
    a.push(a);
    return a;
  }],
  ['throwing Proxy object', () => throwingProxy({})],
  ['throwing Proxy array', () => throwingProxy([])],
  ['throwing toJSON', () => ({ toJSON() { throw new Error('toJSON'); } })],
  ['getter that throws', () => Object.defineProperty({}, 'name', { enumerable: true, get() { throw new Error('getter'); } })],
  ['10 MB string', () => 'x'.repeat(10 * 1024 * 1024)],
  ['lone high surrogate', () => 'ab\uD800cd'],
  ['lone low surrogate', () => '\uDC00'],
  ['NUL and controls', () => 'a\u0000b\u0007c'],
  ['10,000-deep object', () => deepObject(10_000)],
  ['10,000-deep array', () => deepArray(10_000)],
  ['__proto__ JSON object', () => JSON.parse('{"__proto__": {"polluted": true}}')],
  ['null-prototype object', () => Object.create(null)],
];
