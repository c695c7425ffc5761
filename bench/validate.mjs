// Validation speed: ns per call, median of several rounds, for the package and its peers on the
// same inputs in the same process.
import { createBody, createBodyText, names } from './fixtures.mjs';
import { createSchema } from './zod-schema.mjs';
import { compileSpecSchema } from '../tests/shared/ajv-spec.mjs';

/** Median ns per call of `fn` over `rounds` rounds of `iterations` calls, after a warm-up. */
export function nsPerCall(fn, { iterations = 20_000, rounds = 7 } = {}) {
  for (let i = 0; i < iterations; i += 1) fn(i);
  const samples = [];
  for (let r = 0; r < rounds; r += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i += 1) fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Fails loudly when two validators disagree on the benchmark input: a benchmark of a wrong answer is worthless. */
function agree(label, ours, theirs) {
  if (ours !== theirs) throw new Error(`${label}: idp-connections says ${ours}, the peer says ${theirs}`);
}

/** Runs every validation benchmark; returns rows `{ metric, unit, ours, peer, peerName }`. */
export async function benchValidation({ specPath }) {
  const lib = await import('idp-connections');
  const ajvCreate = compileSpecSchema(specPath, 'CreateConnectionRequestContent');
  agree('create body', lib.validateConnectionCreate(createBody).ok, createSchema.safeParse(createBody).success);
  agree('create body (ajv)', lib.validateConnectionCreate(createBody).ok, ajvCreate(createBody));
  agree('create text', lib.validateConnectionCreateJson(createBodyText).ok, ajvCreate(JSON.parse(createBodyText)));
  const re = /^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$/;
  for (const n of names) agree(`name ${n}`, lib.validateConnectionName(n).length === 0, n.length <= 128 && re.test(n));

  const ours = nsPerCall(() => lib.validateConnectionCreate(createBody));
  const zod = nsPerCall(() => createSchema.safeParse(createBody));
  const ajv = nsPerCall(() => ajvCreate(createBody));
  const oursText = nsPerCall(() => lib.validateConnectionCreateJson(createBodyText));
  const ajvText = nsPerCall(() => ajvCreate(JSON.parse(createBodyText)));
  const valid = names.filter((n) => n.length <= 128 && re.test(n));
  const invalid = names.filter((n) => !valid.includes(n));
  const regexp = (list) => (i) => {
    const n = list[i % list.length];
    return n.length <= 128 && re.test(n);
  };
  const oursValid = nsPerCall((i) => lib.validateConnectionName(valid[i % valid.length]), { iterations: 200_000 });
  const reValid = nsPerCall(regexp(valid), { iterations: 200_000 });
  const oursInvalid = nsPerCall((i) => lib.validateConnectionName(invalid[i % invalid.length]), { iterations: 100_000 });
  const reInvalid = nsPerCall(regexp(invalid), { iterations: 200_000 });
  return [
    { metric: 'validate create body (object)', unit: 'ns/call', ours, peer: zod, peerName: 'zod' },
    { metric: 'validate create body (object)', unit: 'ns/call', ours, peer: ajv, peerName: 'ajv (official spec)' },
    { metric: 'validate create body (JSON text)', unit: 'ns/call', ours: oursText, peer: ajvText, peerName: 'JSON.parse + ajv' },
    { metric: 'name check, valid names', unit: 'ns/call', ours: oursValid, peer: reValid, peerName: 'RegExp' },
    { metric: 'name check, invalid (with messages)', unit: 'ns/call', ours: oursInvalid, peer: reInvalid, peerName: 'RegExp (no message)' },
  ];
}
