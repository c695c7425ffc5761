// @ts-check
// The body validators' accept path. The wasm module hands over its schema tables once (the tables
// its Rust walker reads, as self-describing JSON: JSON Schema keywords, sub-schemas by node number,
// with each body's roots; src/js/tables.rs); this walk of a JS value answers
// "valid" when it can prove the value valid, so a correct body never crosses into wasm. It never
// refuses anything: a value it cannot prove valid (a rule broken, or anything JSON.stringify would
// change or refuse: undefined, NaN, a toJSON (own or inherited, enumerable or not, on any object
// or array), a class instance, a cycle, a throwing getter; a `oneOf` whose alternatives the
// value's type does not tell apart; nesting past 64; a member a cross-field rule reads) goes to the
// Rust validator, which decides and explains. Which bodies may be settled here at all is Rust's
// call (bodies with prose rules have no roots; the members cross-field rules read, and each
// strategy's options node, come with the tables): a create is walked with its strategy's options,
// an update with those of the strategy its caller names. The suites check in every runtime that whatever
// this accepts, the Rust validator accepts too.

// The accept path's own type bits (a node's `type` names become one number).
const NULL = 1;
const BOOL = 2;
const INT = 4;
const NUM = 8;
const STR = 16;
const ARR = 32;
const OBJ = 64;
/** The bits of JSON Schema's type names; a name not here adds nothing (the node proves less). */
const TYPE_BITS = { __proto__: null, null: NULL, boolean: BOOL, integer: INT, number: NUM, string: STR, array: ARR, object: OBJ };
/** A node without `type`: any JSON value. */
const ANY_TYPE = NULL | BOOL | INT | NUM | STR | ARR | OBJ;
/** Containers nested deeper than this go to Rust (whose limit, 128, counts the same way). */
const MAX_DEPTH = 64;
/** `additionalProperties` absent, and `false`. */
const ANY = 'any';
const FORBID = 'forbid';
/** A value under a rule JS does not state (a `pattern: null`: the email format, the per-strategy
 * options' patterns): never proved here, left to Rust. */
const UNSTATED = { test: () => false };

/**
 * The key JSON.stringify calls on every object and array it writes. Looked up with `in` on each
 * one (own or inherited, enumerable or not: a non-enumerable toJSON, or one set on an array,
 * is seen by JSON.stringify but not by for-in or an index walk).
 */
const TO_JSON = 'toJSON';
const ObjectProto = Object.prototype;
const ArrayProto = Array.prototype;
const { getPrototypeOf, entries } = Object;
const { isArray } = Array;
const { isFinite, isInteger } = Number;

/**
 * A sub-schema field before `link`: the node number read from the tables (typed as the node it
 * becomes).
 * @param {unknown} value
 */
const tapeIndex = (value) => /** @type {number} */ (value);

/**
 * One schema of the tables (JSON Schema keywords, sub-schemas as node numbers; an absent keyword
 * constrains nothing); `link` points its sub-schema numbers at the other nodes.
 */
class SchemaNode {
  /**
   * @param {any} schema a node of the tables
   * @param {Map<string, RegExp>} regExps the patterns built so far, by their text
   */
  constructor(schema, regExps) {
    const { type, pattern } = schema;
    this.types = type === undefined ? ANY_TYPE : type.reduce((bits, name) => bits | (TYPE_BITS[name] ?? 0), 0);
    /** @type {{ test(text: string): boolean } | null} */
    this.pattern = null;
    if (pattern === null) this.pattern = UNSTATED;
    else if (pattern !== undefined) {
      let regExp = regExps.get(pattern);
      if (regExp === undefined) regExps.set(pattern, (regExp = new RegExp(pattern)));
      this.pattern = regExp;
    }
    this.minLength = schema.minLength ?? 0;
    this.maxLength = schema.maxLength ?? Infinity;
    this.minItems = schema.minItems ?? 0;
    this.maxItems = schema.maxItems ?? Infinity;
    /** @type {SchemaNode | null} `null`: any JSON value. */
    this.items = schema.items ?? null;
    this.minProperties = schema.minProperties ?? 0;
    this.maxProperties = schema.maxProperties ?? Infinity;
    /** @type {SchemaNode | typeof ANY | typeof FORBID} */
    this.additional = schema.additionalProperties === false ? FORBID : (schema.additionalProperties ?? ANY);
    this.minimum = schema.minimum ?? -Infinity;
    this.maximum = schema.maximum ?? Infinity;
    const values = schema.enum;
    this.values = values === undefined ? null : new Set(values);
    this.enumNull = values !== undefined && values.includes(null);
    /** Each declared property also takes null (an option Auth0 reads as unset). */
    this.nullMembers = schema.nullMembers === true;
    /** @type {Map<string, SchemaNode>} node numbers until `link` */
    this.properties = new Map(entries(schema.properties ?? {}));
    const required = schema.required ?? [];
    this.required = required.length > 0 ? new Set(required) : null;
    this.requiredCount = required.length;
    /** @type {SchemaNode[] | null} node numbers until `link` */
    this.oneOf = schema.oneOf ?? null;
  }

  /** Replaces sub-schema numbers with the nodes of `nodes`. */
  link(nodes) {
    const { items, additional } = this;
    if (items !== null) this.items = nodes[tapeIndex(items)];
    if (additional !== ANY && additional !== FORBID) this.additional = nodes[tapeIndex(additional)];
    for (const [name, index] of this.properties) this.properties.set(name, nodes[tapeIndex(index)]);
    if (this.oneOf !== null) this.oneOf = this.oneOf.map((index) => nodes[tapeIndex(index)]);
  }
}

/** One table: its nodes, linked. */
function readNodes(schemas, regExps) {
  const nodes = schemas.map((schema) => new SchemaNode(schema, regExps));
  for (const node of nodes) node.link(nodes);
  return nodes;
}

/** Whether a node of type bits `types` admits the JSON type of `value`. */
function admits(types, value) {
  switch (typeof value) {
    case 'string':
      return (types & STR) !== 0;
    case 'number':
      return (types & NUM) !== 0 || ((types & INT) !== 0 && isInteger(value));
    case 'boolean':
      return (types & BOOL) !== 0;
    case 'object':
      return (types & (value === null ? NULL : isArray(value) ? ARR : OBJ)) !== 0;
    default:
      return false;
  }
}

/**
 * `oneOf`: proved only when exactly one alternative admits the value's type (the others then
 * certainly fail, on their type) and the value is valid under it; anything else goes to Rust.
 */
function validOneOf(alternatives, value, depth) {
  let only = null;
  for (const alternative of alternatives) {
    if (!admits(alternative.types, value)) continue;
    if (only !== null) return false;
    only = alternative;
  }
  return only !== null && valid(only, value, depth);
}

/** Whether `value` is certainly valid under `node`; `depth` containers enclose it. */
function valid(node, value, depth) {
  if (node.oneOf !== null && !validOneOf(node.oneOf, value, depth)) return false;
  switch (typeof value) {
    case 'string':
      return (node.types & STR) !== 0 && validString(node, value);
    case 'number':
      return validNumber(node, value);
    case 'boolean':
      return (node.types & BOOL) !== 0;
    case 'object':
      if (value === null) return (node.types & NULL) !== 0 && (node.values === null || node.enumNull);
      if (isArray(value)) return (node.types & ARR) !== 0 && validArray(node, value, depth + 1);
      return (node.types & OBJ) !== 0 && validObject(node, value, depth + 1);
    default:
      return false;
  }
}

function validString(node, text) {
  if (node.values !== null && !node.values.has(text)) return false;
  // Rust counts code points: `n` UTF-16 units hold between ceil(n / 2) and n of them.
  const units = text.length;
  if (units > node.maxLength || (units + 1) >> 1 < node.minLength) return false;
  return node.pattern === null || node.pattern.test(text);
}

function validNumber(node, number) {
  if (!isFinite(number)) return false;
  if ((node.types & NUM) === 0 && ((node.types & INT) === 0 || !isInteger(number))) return false;
  return number >= node.minimum && number <= node.maximum;
}

function validArray(node, array, depth) {
  if (depth > MAX_DEPTH || getPrototypeOf(array) !== ArrayProto || TO_JSON in array) return false;
  const { length } = array;
  if (length < node.minItems || length > node.maxItems) return false;
  const { items } = node;
  for (let i = 0; i < length; i += 1) {
    if (!(items === null ? json(array[i], depth) : valid(items, array[i], depth))) return false;
  }
  return true;
}

function validObject(node, object, depth) {
  if (depth > MAX_DEPTH) return false;
  const proto = getPrototypeOf(object);
  if ((proto !== ObjectProto && proto !== null) || TO_JSON in object) return false;
  const { properties, additional, required } = node;
  let count = 0;
  let requiredSeen = 0;
  // for-in visits the own enumerable string keys (Object.prototype has none: `proven` checks).
  for (const key in object) {
    const value = object[key];
    const child = properties.get(key);
    if (child !== undefined) {
      // A declared option's null reads as unset (a member a rule reads goes to Rust regardless).
      const unset = value === null && node.nullMembers && child !== RULE;
      if (!unset && !valid(child, value, depth)) return false;
    } else if (additional === FORBID) {
      return false;
    } else if (!(additional === ANY ? json(value, depth) : valid(additional, value, depth))) {
      return false;
    }
    if (required !== null && required.has(key)) requiredSeen += 1;
    count += 1;
  }
  return requiredSeen === node.requiredCount && count >= node.minProperties && count <= node.maxProperties;
}

/**
 * Whether `value`, where the schema says nothing, is JSON data the Rust validator accepts: what
 * JSON.stringify writes without a toJSON, within the depth limit. (NaN and Infinity are written as
 * null, which such a place allows too.)
 */
function json(value, depth) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return true;
    case 'object': {
      if (value === null) return true;
      if (depth + 1 > MAX_DEPTH) return false;
      if (TO_JSON in value) return false;
      if (isArray(value)) {
        if (getPrototypeOf(value) !== ArrayProto) return false;
        for (let i = 0; i < value.length; i += 1) if (!json(value[i], depth + 1)) return false;
        return true;
      }
      const proto = getPrototypeOf(value);
      if (proto !== ObjectProto && proto !== null) return false;
      for (const key in value) if (!json(value[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** The node of a member a cross-field rule reads: `valid` never proves it (a `oneOf` of no
 * alternative; see `rootsOf`). */
const RULE = { oneOf: [] };

/** An empty object: for-in over it sees exactly the enumerable keys of Object.prototype. */
const probe = {};

/** Where a validator's strategy is read (the tables' `strategy` of a body): the body, the option. */
const FROM_BODY = 'body';
const FROM_OPTION = 'option';

/** The strategy that picks `body`'s per-strategy root: the body's own `strategy` member, or the
 * caller's `{ strategy }`; undefined when there is none (the generic roots then apply). */
function strategyOf(body, value, options) {
  const holder = body.key === FROM_BODY ? value : body.key === FROM_OPTION ? options : undefined;
  if (holder === null || typeof holder !== 'object') return undefined;
  const strategy = holder.strategy;
  return typeof strategy === 'string' ? strategy : undefined;
}

/** Whether `value` is certainly valid as `body` (with its strategy's options when it has some). */
function proven(body, value, options) {
  // An enumerable key every object would inherit changes what the Rust validator sees: leave such
  // a world to it. (A toJSON anywhere, inherited from a prototype too, is found on each object and
  // array by the walk.)
  // eslint-disable-next-line no-unreachable-loop -- any key at all means stop
  for (const _inherited in probe) return false;
  try {
    const strategy = body.key === undefined ? undefined : strategyOf(body, value, options);
    const variant = strategy === undefined ? undefined : body.variant(strategy);
    if (variant !== undefined) {
      // A create's strategy is read again by the walk: a getter answering differently then is
      // not proved valid.
      return (body.key !== FROM_BODY || value.strategy === strategy) && valid(variant, value, 0);
    }
    for (const root of body.roots) if (valid(root, value, 0)) return true;
  } catch {
    // A getter or Proxy trap threw: the Rust validator reports it.
  }
  return false;
}

/** `root` with `options` in place of its `options` member: a strategy's body. */
function withOptions(root, options) {
  const node = Object.create(SchemaNode.prototype);
  Object.assign(node, root);
  node.properties = new Map(root.properties).set('options', options);
  return node;
}

/** A body the accept path settles nothing of. */
const NO_ROOTS = { roots: [], key: undefined, variant: () => undefined };

/**
 * `firstAccept(readTables)(name, full)`: the body validator `name`, answering `{ ok: true, value }`
 * for what the accept path proves valid and `full(value, options)` (the wasm validator) for the
 * rest. `options` is the caller's `{ strategy }` (an update's connection strategy). `readTables`
 * returns the tables' JSON text (src/js/tables.rs), read on the first validation.
 */
export function firstAccept(readTables) {
  let bodies = null;
  /** The roots of validator `name`, as nodes: `{ roots, key, variant }` (see `proven`). */
  function rootsOf(name) {
    if (bodies === null) {
      const tape = JSON.parse(readTables());
      const regExps = new Map();
      const tables = tape.tables.map((schemas) => readNodes(schemas, regExps));
      // Each strategy's options node; its body, the generic root with those options, is built on
      // first use (after the triggers below are in place, so it has them too).
      const strategies = new Map(entries(tape.strategies).map(([strategy, node]) => [strategy, tables[0][node]]));
      // The keys of triggers that apply only when a strategy is named, by root.
      const namedKeys = new Map();
      bodies = new Map(tape.bodies.map(({ name, table, roots: numbers, strategy: key }) => {
        const nodes = tables[table];
        const roots = numbers.map((root) => nodes[root]);
        const built = new Map();
        // The body of `strategy`: the root with its options node in place of the root's; under an
        // update's named strategy without one, the root's own options. Either way with the
        // named-strategy triggers of the root.
        const variant = (strategy) => {
          if (key === undefined || roots.length !== 1) return undefined;
          const root = roots[0];
          const options = strategies.get(strategy) ?? (key === FROM_OPTION ? root.properties.get('options') : undefined);
          if (options === undefined) return undefined;
          let node = built.get(strategy);
          if (node === undefined) {
            node = withOptions(root, options);
            for (const named of namedKeys.get(root) ?? []) node.properties.set(named, RULE);
            built.set(strategy, node);
          }
          return node;
        };
        return [name, { roots, key, variant }];
      }));
      // The keys that let a cross-field rule fire, each at the end of a path from an Auth0 root:
      // such a member is never proved valid here, so its body reaches the Rust validator, which
      // applies the rule. A body without them walks exactly as before. A path the tables do not
      // hold (they changed under the rules) leaves every body to Rust.
      for (const { root, path, key, named } of tape.triggers) {
        let node = tables[0][root];
        if (named === true) {
          // Applied to the bodies of a named strategy only (see `variant`): a key of the root.
          if (node === undefined || path.length > 0) bodies.clear();
          else namedKeys.set(node, [...(namedKeys.get(node) ?? []), key]);
          continue;
        }
        for (const step of path) node = step === '[]' ? node?.items : node?.properties.get(step);
        if (node?.properties === undefined) bodies.clear();
        else node.properties.set(key, RULE);
      }
    }
    return bodies.get(name) ?? NO_ROOTS;
  }
  return function validator(name, full) {
    let body = null;
    const validate = (value, options) => {
      body ??= rootsOf(name);
      return body.roots.length > 0 && proven(body, value, options)
        ? { ok: true, value }
        : full(value, options);
    };
    // Named as exported, for stack traces and the console.
    return Object.defineProperty(validate, 'name', { value: name });
  };
}
