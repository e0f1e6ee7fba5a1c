// fast-check arbitraries for hostile procedure inputs. Every generated value
// carries a PHI-looking canary somewhere, so a response or log line that
// echoes input is caught by searching for one token.
import fc from 'fast-check';
import type { RawInput } from './trpc-http.js';

/** Search for this (case-insensitively) in responses and logs. */
export const CANARY_TOKEN = 'zq7canary';

export const CANARY_VALUES = [
  'Zelda Zq7Canary',
  'zq7canary.zelda@example.test',
  '+1 555 0199 zq7canary',
  'SSN 078-05-1120 Zq7Canary',
  'Diagnosis F32.1 Zq7Canary',
];

const canary = fc.constantFrom(...CANARY_VALUES);

/** Strings that have broken parsers, databases and renderers before. */
const ODD_STRINGS = [
  '\u0000',
  'a\u0000b Zq7Canary',
  '\uFEFFZq7Canary',
  '\u202Egnirts Zq7Canary',
  '\uD800 lone surrogate Zq7Canary',
  'e\u0301\u0301\u0301\u0301 Zq7Canary',
  '👩‍👩‍👧‍👦 Zq7Canary',
  'İstanbul ß ﬀ Zq7Canary',
  '\u2028\u2029 Zq7Canary',
  '%00%2e%2e%2f Zq7Canary',
  '${7*7} {{7*7}} Zq7Canary',
  "' OR 1=1 -- Zq7Canary",
  '<script>alert(1)</script> Zq7Canary',
  '   ',
  '',
];

const oddString = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `${s} Zq7Canary`),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `Zq7Canary ${s}`),
);

const hugeString = fc
  .integer({ min: 5_000, max: 60_000 })
  .chain((n) => canary.map((c) => `${c} `.repeat(Math.ceil(n / (c.length + 1))).slice(0, n)));

// Deeper than any schema; capped so fast-check can still print a counterexample (its stringify recurses).
const deepObject = fc.integer({ min: 50, max: 1_500 }).map((depth) => {
  let v: unknown = 'Zq7Canary deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? { nested: v } : [v];
  return v;
});

/** Own properties named like prototype slots (computed keys, so JSON keeps them). */
const pollution = fc.constantFrom<unknown>(
  { ['__proto__']: { polluted: 'Zq7Canary', isAdmin: true } },
  { constructor: { prototype: { polluted: 'Zq7Canary' } } },
  { ['__proto__']: null, note: 'Zq7Canary' },
);

const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1e308),
  fc.constantFrom('50', '1e309', 'NaN', 'true', 'null', '-0', '0x10'),
  fc.array(canary, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), canary, { maxKeys: 3 }),
);

export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: canary, weight: 2 },
  { arbitrary: wrongType, weight: 4 },
  { arbitrary: oddString, weight: 3 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: deepObject, weight: 1 },
  { arbitrary: pollution, weight: 1 },
);

const unknownKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'practiceId', 'isAdmin', 'role', 'Zelda Zq7Canary'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** Malformed JSON with the canary right where parsing stops (parsers quote text near the error). */
const malformedJson = fc.constantFrom(
  '{"firstName": Zelda Zq7Canary}',
  '{"clientId": "Zq7Canary',
  "{'email': 'zq7canary@example.test'}",
  '{"a":1,}Zq7Canary',
  '[Zq7Canary]',
  'Zq7Canary',
  '{"__proto__": {"polluted": Zq7Canary}}',
  '\uFEFF{"x": "Zq7Canary"',
);

/** Inputs derived from a procedure's valid input: corrupt one field, add a key, or replace it outright. */
export function badInputFor(valid: unknown): fc.Arbitrary<RawInput> {
  const validObject = valid && typeof valid === 'object' && !Array.isArray(valid) ? (valid as Record<string, unknown>) : null;
  const keys = validObject ? Object.keys(validObject) : [];
  const options: fc.Arbitrary<RawInput>[] = [
    badValue.map((value) => ({ value })),
    malformedJson.map((raw) => ({ raw })),
    fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }).map((value) => ({ value: [value, 'Zq7Canary'] })),
    fc.tuple(unknownKey, badValue).map(([key, v]) => ({ value: { ...validObject, [key]: v } })),
  ];
  if (keys.length) {
    options.push(
      fc
        .tuple(fc.constantFrom(...keys), badValue)
        .map(([key, v]) => ({ value: { ...validObject, [key]: v } })),
    );
  }
  return fc.oneof(...options);
}

/** Strings the database cannot store; each must be refused wherever text is accepted. */
export const UNSTORABLE_STRINGS = ['Zq7Canary\u0000Zelda', 'Zelda \uD800 Zq7Canary', 'Zq7Canary \uDC00'];

/** Paths (key lists) of every string leaf in a JSON-like value. */
export function stringLeafPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringLeafPaths(v, [...path, k]));
  }
  return [];
}

/** A copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: string[], leaf: unknown): unknown {
  if (!path.length) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head!] = withLeaf(copy[head!], rest, leaf);
  return copy;
}
