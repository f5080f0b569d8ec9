import fc from 'fast-check';

// Building blocks of hostile input: values that break naive code (numbers out of range, markup,
// formulas, control characters, very long or deeply nested data) and ways of breaking a body.

export const nastyNumbers = [Number.NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, -1, -0.5, 0.5, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e21];
export const nastyStrings = [
  '', ' ', '\u0000', '\t\r\n', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("http://evil.example","clic")', '+1+1', '-2+3', '@SUM(A1:A9)',
  '\t=1', '../../../etc/passwd', '%00', '{{7*7}}', '<%= it.csrfToken %>', '${7*7}', "'; drop table missions; --", '\u202egnp.exe', '😀'.repeat(300), 'é'.repeat(3000),
  '__proto__', 'constructor', 'NaN', 'Infinity', '1e308', '-1', 'null', 'true', '0x1F', ' 12 ', '١٢٣',
];
export const pollutionKeys = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty', 'isAdmin', 'roles'];

export const longString = (over: number) => fc.integer({ min: over + 1, max: over + 5_000 }).map((n) => 'x'.repeat(n));

const scalar = fc.oneof(
  fc.constantFrom<unknown>(...nastyNumbers, ...nastyStrings, null, true, false),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  longString(200),
);

// Any JSON-ish value, nested a little; pollution keys appear as own properties (JSON.parse makes them so).
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ maxDepth: 3, depthIdentifier: 'hostile' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...pollutionKeys), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 4 })),
})).value;

export const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"toString":"boom"},"legs":{"__proto__":[]}}',
);

// JSON text of an object (own `__proto__` keys survive: Object.fromEntries defines them as data).
export const jsonText = (entries: Array<[string, unknown]>) => JSON.stringify(Object.fromEntries(entries));

// Ways to break a JSON body that keep it under the size limit unless told otherwise.
export function brokenJson(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((cut) => valid.slice(0, cut)), // truncated
    fc.constantFrom('NaN', 'Infinity', '-Infinity', 'undefined', "'x'", '0x10', '1e999999').map((token) => valid.replace(/:(\s*)("[^"]*"|[-\d.e+]+|true|false|null|\{\}|\[\])/, `:$1${token}`)),
    fc.constantFrom(',', ',}', '}}', ']', '/* c */', '\u0000', '\uFEFF').map((junk) => `${valid.slice(0, -1)}${junk}${valid.slice(-1)}`),
    fc.constantFrom('{', '{"a":', '{"a":1,,}', '{"a" 1}', "{'a':1}", '{"a":"\\x41"}', '{"a":"\\ud800"', '\uFEFF{}garbage'),
  );
}

// [[[[…]]]] nested `depth` times inside an object: breaks code that recurses over a body.
export const deeplyNested = fc.integer({ min: 2_000, max: 60_000 }).map((depth) => `{"legs":${'['.repeat(depth)}${']'.repeat(depth)}}`);

export const oversizedJson = fc.integer({ min: 262_145, max: 400_000 }).map((n) => `{"name":"${'a'.repeat(n)}"}`);

// A bad Idempotency-Key header (a valid one is 1–200 visible ASCII characters).
export const badIdempotencyKey = fc.oneof(fc.constantFrom(' ', 'a b', 'clé', 'x\ty'), longString(200));

// Form bodies are built by hand, so that they can carry duplicate keys and malformed escapes.
export type FormField = [string, string];
// Lone surrogates cannot be percent-encoded: they become U+FFFD, as a browser would send them.
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
export const formBody = (fields: FormField[]) => fields.map(([k, v]) => `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(v))}`).join('&');
export const malformedEscapes = fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%C0%AF', '%00', '%uD800', '%%%', '+%2');

// A hostile string for a form field (forms only carry strings).
export const hostileText: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), longString(500));
