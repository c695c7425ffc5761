// Validation speed: ns per call, median of several rounds, for the package and its peers on the
// same inputs in the same process.
import { brokenBody, createBody, createBodyText, names } from './fixtures.mjs';
import { createSchema } from './zod-schema.mjs';
import { compileSpecSchema } from '../tests/shared/ajv-spec.mjs';

/**
 * Median ns per call of each function, over `rounds` rounds of `iterations` calls after a warm-up.
 * Rounds alternate between the functions, so a slow spell of the machine falls on all of them;
 * `ratio(a, b)` is the median over rounds of a's time over b's in the same round, which holds
 * when the machine's speed drifts between rounds (the ratio of the two medians need not).
 */
export function nsPerCallEach(fns, { iterations = 20_000, rounds = 15 } = {}) {
  const entries = Object.entries(fns);
  for (const [, fn] of entries) for (let i = 0; i < iterations; i += 1) fn(i);
  const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (const [name, fn] of entries) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i += 1) fn(i);
      samples[name].push(Number(process.hrtime.bigint() - start) / iterations);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const ns = Object.fromEntries(entries.map(([name]) => [name, median(samples[name])]));
  const ratio = (a, b) => median(samples[a].map((time, round) => time / samples[b][round]));
  return { ns, ratio };
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
  agree('broken body', lib.validateConnectionCreate(brokenBody).ok, createSchema.safeParse(brokenBody).success);
  agree('create text', lib.validateConnectionCreateJson(createBodyText).ok, ajvCreate(JSON.parse(createBodyText)));
  const re = /^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$/;
  for (const n of names) agree(`name ${n}`, lib.validateConnectionName(n).length === 0, n.length <= 128 && re.test(n));

  const body = nsPerCallEach({
    ours: () => lib.validateConnectionCreate(createBody),
    zod: () => createSchema.safeParse(createBody),
    ajv: () => ajvCreate(createBody),
    stringify: () => JSON.stringify(createBody),
    oursBroken: () => lib.validateConnectionCreate(brokenBody),
    zodBroken: () => createSchema.safeParse(brokenBody),
    oursText: () => lib.validateConnectionCreateJson(createBodyText),
    oursTextValue: () => lib.validateConnectionCreateJson(createBodyText).value,
    ajvText: () => ajvCreate(JSON.parse(createBodyText)),
  });
  const { ours, zod, ajv, stringify, oursBroken, zodBroken, oursText, oursTextValue, ajvText } = body.ns;
  const valid = names.filter((n) => n.length <= 128 && re.test(n));
  const invalid = names.filter((n) => !valid.includes(n));
  const regexp = (list) => (i) => {
    const n = list[i % list.length];
    return n.length <= 128 && re.test(n);
  };
  const name = nsPerCallEach(
    {
      oursValid: (i) => lib.validateConnectionName(valid[i % valid.length]),
      reValid: regexp(valid),
      oursInvalid: (i) => lib.validateConnectionName(invalid[i % invalid.length]),
      reInvalid: regexp(invalid),
    },
    { iterations: 100_000 },
  );
  const { oursValid, reValid, oursInvalid, reInvalid } = name.ns;
  return [
    { metric: 'validate create body (object)', unit: 'ns/call', ours, peer: zod, peerName: 'zod', ratio: body.ratio('ours', 'zod') },
    { metric: 'validate create body (object)', unit: 'ns/call', ours, peer: ajv, peerName: 'ajv (official spec)', ratio: body.ratio('ours', 'ajv') },
    { metric: 'validate create body (object)', unit: 'ns/call', ours, peer: stringify, peerName: 'JSON.stringify alone', ratio: body.ratio('ours', 'stringify') },
    { metric: 'create body with a broken rule (object, with issues)', unit: 'ns/call', ours: oursBroken, peer: zodBroken, peerName: 'zod (with issues)', ratio: body.ratio('oursBroken', 'zodBroken') },
    { metric: 'validate create body (JSON text)', unit: 'ns/call', ours: oursText, peer: ajvText, peerName: 'JSON.parse + ajv', ratio: body.ratio('oursText', 'ajvText') },
    { metric: 'JSON text, then reading .value', unit: 'ns/call', ours: oursTextValue, peer: ajvText, peerName: 'JSON.parse + ajv', ratio: body.ratio('oursTextValue', 'ajvText') },
    { metric: 'name check, valid names', unit: 'ns/call', ours: oursValid, peer: reValid, peerName: 'RegExp', ratio: name.ratio('oursValid', 'reValid') },
    { metric: 'name check, invalid (with messages)', unit: 'ns/call', ours: oursInvalid, peer: reInvalid, peerName: 'RegExp (no message)', ratio: name.ratio('oursInvalid', 'reInvalid') },
  ];
}
