// Seeded payload generation from the spec's schemas: valid instances, and instances that break one
// rule at a random place. Used by the conformance suite to compare the package with ajv.
import { seededRandom } from '../../tenant/random.mjs';

/** A seeded random source (mulberry32). */
export const rng = seededRandom;

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A generator over the spec's `schemas`. */
export function payloads(schemas, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const follow = (s) => {
    let schema = s;
    while (schema?.$ref) schema = schemas[schema.$ref.split('/').pop()];
    return schema ?? {};
  };
  // `allOf` is merged into one schema: properties and required lists joined, every other keyword
  // (type, enum, items, bounds) from the schema itself or else its first part that has it, so a
  // string or enum built with allOf (Auth0's options) stays one.
  const resolve = (s) => {
    const schema = follow(s);
    if (!schema.allOf) return schema;
    const { allOf, ...own } = schema;
    const merged = { ...own, properties: { ...schema.properties }, required: [...(schema.required ?? [])] };
    for (const part of allOf.map(resolve)) {
      for (const [key, value] of Object.entries(part)) {
        if (key === 'properties') Object.assign(merged.properties, value);
        else if (key === 'required') merged.required.push(...value);
        else if (merged[key] === undefined) merged[key] = value;
      }
    }
    if (Object.keys(merged.properties).length === 0 && merged.type !== 'object') delete merged.properties;
    return merged;
  };
  const typesOf = (s) => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]);

  function string(s) {
    if (s.pattern?.startsWith('^[a-zA-Z0-9](-')) {
      const n = int(1, Math.min(s.maxLength ?? 40, 40));
      let out = pick(ALNUM);
      while (out.length < n) out += random() < 0.15 && !out.endsWith('-') && out.length < n - 1 ? '-' : pick(ALNUM);
      return out;
    }
    if (s.pattern === '^[A-Za-z0-9]+$') return Array.from({ length: int(1, 12) }, () => pick(ALNUM)).join('');
    const lo = s.minLength ?? 0;
    const hi = Math.min(s.maxLength ?? lo + 20, lo + 20);
    const chars = ['a', 'é', '😀', ' ', '-', 'Z', '9'];
    return Array.from({ length: int(lo, hi) }, () => pick(chars)).join('');
  }

  /** A valid instance of `schema` (depth-limited; optional properties sometimes). */
  function valid(schemaIn, depth = 0) {
    const s = resolve(schemaIn);
    if (s.oneOf || s.anyOf) return valid(pick(s.oneOf ?? s.anyOf), depth);
    if ('const' in s) return s.const;
    if (s.enum) return pick(s.enum.filter((v) => v !== null).length ? s.enum.filter((v) => v !== null) : s.enum);
    const types = typesOf(s).filter((t) => t !== 'null');
    const type = types.length ? pick(types) : s.properties ? 'object' : 'string';
    switch (type) {
      case 'string': return string(s);
      case 'integer': return int(s.minimum ?? 0, Math.min(s.maximum ?? 100000, (s.minimum ?? 0) + 100000));
      case 'number': return int(s.minimum ?? 0, Math.min(s.maximum ?? 1000, (s.minimum ?? 0) + 1000)) + 0.5 * (s.maximum === undefined ? 1 : 0);
      case 'boolean': return random() < 0.5;
      case 'array': {
        if (depth > 5) return s.minItems ? Array.from({ length: s.minItems }, () => valid(s.items ?? {}, depth + 1)) : [];
        const n = int(s.minItems ?? 0, Math.min(s.maxItems ?? 3, (s.minItems ?? 0) + 3));
        return Array.from({ length: n }, () => valid(s.items ?? {}, depth + 1));
      }
      default: {
        const out = {};
        for (const [key, sub] of Object.entries(s.properties ?? {})) {
          if ((s.required ?? []).includes(key) || (depth < 4 && random() < 0.4)) out[key] = valid(sub, depth + 1);
        }
        const extra = s.additionalProperties;
        if (extra && typeof extra === 'object' && depth < 4) {
          const n = int(s.minProperties ?? 0, Math.min(s.maxProperties ?? 3, 3));
          for (let i = 0; i < n; i += 1) out[`k${i}`] = valid(extra, depth + 1);
        }
        if ((s.minProperties ?? 0) > Object.keys(out).length && s.properties) {
          for (const [key, sub] of Object.entries(s.properties)) {
            if (Object.keys(out).length >= s.minProperties) break;
            if (!(key in out)) out[key] = valid(sub, depth + 1);
          }
        }
        return out;
      }
    }
  }

  /** Every [parent, key, schema] slot in an instance, for mutation. */
  function slots(value, schemaIn, out = [], parent = null, key = null) {
    const s = resolve(schemaIn);
    if (parent) out.push([parent, key, s]);
    if (Array.isArray(value)) value.forEach((item, i) => slots(item, s.items ?? {}, out, value, i));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const sub = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : {});
        slots(v, sub, out, value, k);
      }
    }
    return out;
  }

  const MUTATIONS = [
    (s) => (typesOf(s).includes('string') ? 42 : 'a string'),
    (s) => (typesOf(s).includes('null') ? undefined : null),
    () => ({ unexpected: true }),
    () => [1, 'two'],
    (s) => (s.maxLength !== undefined ? 'x'.repeat(s.maxLength + 1) : undefined),
    (s) => (s.enum ? 'not-an-allowed-value' : undefined),
    (s) => (s.pattern ? 'bad--value-' : undefined),
    (s) => (s.minimum !== undefined ? s.minimum - 1 : undefined),
    (s) => (s.maximum !== undefined ? s.maximum + 1 : undefined),
    (s) => (typesOf(s).includes('integer') ? 1.5 : undefined),
    (s) => (s.minItems ? [] : undefined),
    (s) => (s.maxProperties !== undefined ? Object.fromEntries(Array.from({ length: s.maxProperties + 1 }, (_, i) => [`m${i}`, 'v'])) : undefined),
    'unknown-key',
    'drop-required',
  ];

  /** An instance of `schema` with one rule broken somewhere (or unchanged when nothing applied). */
  function broken(schemaIn) {
    const root = valid(schemaIn);
    const all = slots(root, schemaIn);
    const mutation = pick(MUTATIONS);
    const container = { root };
    const [parent, key, s] = all.length && random() < 0.85 ? pick(all) : [container, 'root', resolve(schemaIn)];
    if (mutation === 'unknown-key') {
      const target = parent[key];
      if (target && typeof target === 'object' && !Array.isArray(target)) target.zz_unknown = 1;
      else parent[key] = { zz_unknown: 1 };
    } else if (mutation === 'drop-required') {
      const target = parent[key];
      const req = s.required?.find((r) => target && r in target);
      if (req) delete target[req];
      else parent[key] = null;
    } else {
      const next = mutation(s);
      if (next !== undefined) parent[key] = next;
    }
    return container.root;
  }

  return { valid, broken };
}
