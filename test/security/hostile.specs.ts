import fc from 'fast-check';
import {
  badIdempotencyKey, brokenJson, deeplyNested, formBody, hostileText, hostileValue, jsonText, longString, malformedEscapes, nastyNumbers, nastyStrings, oversizedJson, pollution, pollutionKeys,
  type FormField,
} from './hostile.arbitraries.ts';
import { parse as parseQuery } from 'node:querystring';
import { importQuery } from '../../src/reports/reports.schemas.ts';
import { emailSchema } from '../../src/auth/auth.schemas.ts';
import { roles } from '../../src/auth/auth.types.ts';
import { montreal, type HostileTarget } from './hostile.fixture.ts';

// Every JSON endpoint and form, with a valid base payload and, per field, values it must refuse.
// Writing endpoints only receive payloads that are invalid by construction (an unknown key, a refused
// value, a broken body…), so "nothing written" must hold for every one of them. Read-only endpoints
// (quote, places, lists, exports) also receive payloads that may be valid: they must answer 2xx or a
// structured error.

export type HostileRequest = { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; path: string; headers: Record<string, string>; body?: string; note: string };
export type Spec = { name: string; kind: 'api' | 'form'; runs: number; request: (t: HostileTarget) => fc.Arbitrary<HostileRequest>; okStatuses?: number[] };

const notIn = <T>(allowed: readonly T[]) => (v: unknown) => !allowed.includes(v as T);
const refusedString = (max: number, allowed: readonly string[] = []) =>
  fc.oneof(fc.constantFrom<unknown>('', '   ', 42, null, true, [], {}, ['x'], { a: 1 }), longString(max), fc.constantFrom(...nastyNumbers)).filter(notIn(allowed));
const refusedEnum = (allowed: readonly string[]) => fc.oneof(fc.constantFrom<unknown>(...nastyStrings, 1, null, [], {}), fc.string({ maxLength: 20 })).filter(notIn(allowed));
const refusedId = (prefix: string) => fc.oneof(fc.constantFrom<unknown>('', `${prefix}_`, `${prefix}_${'a'.repeat(41)}`, `${prefix}_a b`, 'x', 7, null, {}), fc.string({ maxLength: 30 }).filter((s) => !s.startsWith(`${prefix}_`)));

type JsonSpec = {
  name: string;
  runs: number;
  method: 'POST' | 'PATCH' | 'PUT';
  path: (t: HostileTarget) => string;
  base: (t: HostileTarget) => Record<string, unknown>;
  refused: Record<string, fc.Arbitrary<unknown>>;
  emptyIsValid?: boolean; // `{}` passes: no mutation may fall back to an empty body
  idempotency?: boolean; // a bad Idempotency-Key is refused before anything is written
  badPath?: (t: HostileTarget) => fc.Arbitrary<string>;
  anonymous?: boolean;
  freeform?: boolean; // read-only: random fields may also make the payload valid
};

function jsonRequest(spec: JsonSpec, t: HostileTarget): fc.Arbitrary<HostileRequest> {
  const base = spec.base(t);
  const baseEntries = Object.entries(base);
  const auth: Record<string, string> = spec.anonymous ? {} : { authorization: t.bearer };
  const json = { 'content-type': 'application/json', ...auth };
  const make = (note: string, body: string, headers: Record<string, string> = json, path = spec.path(t)): HostileRequest => ({ method: spec.method, path, headers, body, note });
  const known = new Set([...Object.keys(base), ...Object.keys(spec.refused)]);
  const noise = fc.array(fc.tuple(fc.constantFrom(...baseEntries.map(([k]) => k), 'x'), hostileValue), { maxLength: 2 });
  const withNoise = (entries: Array<[string, unknown]>, extra: Array<[string, unknown]>) => {
    const map = new Map(entries);
    for (const [k, v] of extra) if (k !== 'x' && spec.freeform) map.set(k, v);
    return [...map];
  };
  const refusedField = Object.keys(spec.refused).length
    ? fc.constantFrom(...Object.keys(spec.refused)).chain((field) => spec.refused[field]!.map((value) => [field, value] as [string, unknown]))
    : fc.constant(null);
  const kinds: Array<fc.Arbitrary<HostileRequest>> = [
    fc.tuple(fc.oneof(fc.constantFrom(...pollutionKeys), fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !known.has(k))), hostileValue, noise).map(([key, value, extra]) =>
      make(`unknown key ${JSON.stringify(key)}`, jsonText([...withNoise(baseEntries, extra), [key, value]])),
    ),
    fc.tuple(refusedField, noise).filter(([f]) => f !== null).map(([field, extra]) => make(`refused ${field![0]}`, jsonText([...withNoise(baseEntries, extra).filter(([k]) => k !== field![0]), field!]))),
    fc.constantFrom('[]', '[{}]', '1', '"x"', 'true', 'null', '{"a":1}x').map((body) => make('not an object', body)),
    brokenJson(JSON.stringify(base)).map((body) => make('broken JSON', body)),
    deeplyNested.map((body) => make('deeply nested', body)),
    pollution.map((body) => make('prototype pollution', body)),
    fc.constant(null).chain(() => oversizedJson).map((body) => make('over 256 kB', body)),
    fc.constantFrom('iso-8859-1', 'windows-1252', 'klingon').map((charset) => make(`charset ${charset}`, JSON.stringify(base), { ...json, 'content-type': `application/json; charset=${charset}` })),
    fc.constantFrom('gzip', 'deflate', 'br', 'compress').map((encoding) => make(`content-encoding ${encoding}`, JSON.stringify(base), { ...json, 'content-encoding': encoding })),
  ];
  if (!spec.emptyIsValid) kinds.push(fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x').map((type) => make(`content-type ${type}`, JSON.stringify(base), { ...json, 'content-type': type })));
  if (spec.idempotency) kinds.push(badIdempotencyKey.map((key) => make('bad Idempotency-Key', JSON.stringify(base), { ...json, 'idempotency-key': key })));
  if (spec.badPath) kinds.push(spec.badPath(t).map((path) => make('bad path', JSON.stringify(base), json, path)));
  if (!spec.anonymous) kinds.push(fc.constant(make('cookie without X-CSRF-Token', JSON.stringify(base), { 'content-type': 'application/json', cookie: t.sessionCookie })));
  if (spec.freeform) kinds.push(noise.map((extra) => make('random fields', jsonText(withNoise(baseEntries, extra)))));
  return fc.oneof(...kinds);
}

const missionPath = (action: string) => (t: HostileTarget) => `/api/missions/${t.draftMissionId}/${action}`;
const hostileSegment = fc.oneof(fc.constantFrom('%00', '..%2F..%2Fetc', '%E0%A4%A', 'msn_' + 'a'.repeat(300), '%3Cscript%3E', '__proto__', 'constructor'), fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent));
const tripRefused = fc.oneof(fc.constantFrom<unknown>(null, [], 'trip', 1, {}), fc.constant({ ...montreal, legs: [] }), fc.constant({ ...montreal, departAt: 'demain' }), fc.constant({ ...montreal, legs: [{ mode: 'teleport' }] }));

// The people and organisation routes aim at someone other than the fixture's admin (its secretariat
// desk): an admin's own account is refused some actions (disable, password) whatever the body.
const otherPerson = (t: HostileTarget) => t.deps.database.sqlite.prepare("select id from users where id not in (select user_id from user_roles where role = 'admin') order by rowid limit 1").pluck().get() as string;
const anEntity = (t: HostileTarget) => t.deps.database.sqlite.prepare('select id from entities order by rowid limit 1').pluck().get() as string;
const NEW_PASSWORD = 'a brand new passphrase';
const refusedPassword = fc.oneof(fc.constantFrom<unknown>('', 'court', 'x'.repeat(11), 123456789012, null, [], {}), longString(1024));

const jsonSpecs: JsonSpec[] = [
  {
    name: 'POST /api/quote', runs: 750, method: 'POST', path: () => '/api/quote', anonymous: true, freeform: true,
    base: () => ({ ...montreal, legs: [...montreal.legs, { mode: 'car', distanceKm: 42, fuel: 'thermal', fiscalHorsepower: 5, passengers: 2 }, { mode: 'visio', hours: 3 }] }),
    refused: { legs: fc.constantFrom<unknown>([], null, 'x', Array.from({ length: 51 }, () => ({ mode: 'walk', distanceKm: 1 }))), departAt: refusedString(100), contrails: fc.constantFrom<unknown>('yes', 1, null) },
  },
  { name: 'POST /api/missions', runs: 500, method: 'POST', path: () => '/api/missions', idempotency: true, base: (t) => ({ purpose: 'conference', budgetLineId: t.budgetLineId, trip: montreal }), refused: { purpose: refusedEnum(['conference', 'research', 'teaching', 'recruitment', 'student_mobility', 'meeting', 'training', 'other']), budgetLineId: refusedId('bgl').filter((v) => v !== null), justification: fc.oneof(longString(2000), fc.constantFrom<unknown>(1, [], {})), trip: tripRefused } },
  { name: 'PATCH /api/missions/:id', runs: 300, method: 'PATCH', path: (t) => `/api/missions/${t.draftMissionId}`, emptyIsValid: true, badPath: () => hostileSegment.map((s) => `/api/missions/${s}`), base: () => ({ purpose: 'research' }), refused: { version: fc.constantFrom<unknown>(0, -1, 1.5, '1', null, 1e308), trip: tripRefused, purpose: refusedEnum(['research', 'conference', 'teaching', 'recruitment', 'student_mobility', 'meeting', 'training', 'other']) } },
  ...(['submit', 'validate', 'return', 'reject', 'cancel'] as const).map<JsonSpec>((action) => ({
    name: `POST /api/missions/:id/${action}`, runs: 120, method: 'POST', path: missionPath(action), emptyIsValid: true, idempotency: true, badPath: () => hostileSegment.map((s) => `/api/missions/${s}/${action}`),
    base: () => ({ comment: 'Conforme.' }), refused: { comment: fc.oneof(longString(2000), fc.constantFrom<unknown>(1, null, [], {})), version: fc.constantFrom<unknown>(0, -1, 1.5, '2', 1e308, null) },
  })),
  { name: 'POST /api/missions/:id/legs/:index/switch', runs: 200, method: 'POST', path: (t) => `/api/missions/${t.draftMissionId}/legs/0/switch`, idempotency: true, badPath: (t) => fc.constantFrom('-1', '50', '1e3', 'NaN', '0x0', '%00').map((i) => `/api/missions/${t.draftMissionId}/legs/${i}/switch`), base: () => ({ to: 'train' }), refused: { to: refusedEnum(['train', 'visio']) } },
  { name: 'POST /api/ledger/projects', runs: 250, method: 'POST', path: () => '/api/ledger/projects', base: () => ({ name: 'Haies bocagères', scope: 'territory', description: 'Plantation' }), refused: { name: fc.oneof(refusedString(120), fc.constantFrom<unknown>('a', ' a ')), scope: refusedEnum(['internal', 'territory']), description: fc.oneof(longString(2000), fc.constantFrom<unknown>(1, [], {})) } },
  { name: 'POST /api/ledger/disbursements', runs: 350, method: 'POST', path: () => '/api/ledger/disbursements', idempotency: true, base: (t) => ({ projectId: t.projectId, amountCents: 100, co2eGrams: 0, memo: 'Versement' }), refused: { amountCents: fc.constantFrom<unknown>(...nastyNumbers, 0, 1e12 + 1, '100', null, [], {}), co2eGrams: fc.constantFrom<unknown>(-1, 0.5, 1e12 + 1, Number.NaN, 1e308, '1'), memo: refusedString(500), projectId: fc.constantFrom<unknown>('', 'x'.repeat(201), 1, null) } },
  { name: 'POST /api/ledger/transfers/:id/reverse', runs: 200, method: 'POST', path: (t) => `/api/ledger/transfers/${t.transferId}/reverse`, badPath: () => hostileSegment.map((s) => `/api/ledger/transfers/${s}/reverse`), base: () => ({ reason: 'Erreur de saisie' }), refused: { reason: fc.oneof(refusedString(500), fc.constantFrom<unknown>('ab')) } },
  { name: 'POST /api/admin/carbon-prices', runs: 200, method: 'POST', path: () => '/api/admin/carbon-prices', base: () => ({ year: 2027, pricePerTonneCents: 12_000, note: 'Décision' }), refused: { year: fc.constantFrom<unknown>(1989, 2101, 2026.5, '2027', Number.NaN, Infinity, -2027, null), pricePerTonneCents: fc.constantFrom<unknown>(-1, 0.5, 100_000_001, 1e308, Number.NaN, '100'), note: fc.oneof(longString(500), fc.constantFrom<unknown>(1, [], {})) } },
  { name: 'POST /api/entities', runs: 200, method: 'POST', path: () => '/api/entities', base: () => ({ name: 'Centre de recherche', kind: 'lab' }), refused: { name: fc.oneof(refusedString(200), fc.constantFrom<unknown>('ent_hijack')), kind: refusedEnum(['lab', 'department', 'service']) } },
  { name: 'POST /api/budget-lines', runs: 200, method: 'POST', path: () => '/api/budget-lines', base: (t) => ({ entityId: t.deps.database.sqlite.prepare('select id from entities limit 1').pluck().get(), code: 'X-1', label: 'Ligne', active: true }), refused: { code: refusedString(64), label: refusedString(200), active: fc.constantFrom<unknown>('true', 1, null, []), entityId: fc.constantFrom<unknown>('', 'x'.repeat(65), 1, null) } },
  {
    name: 'POST /api/users', runs: 200, method: 'POST', path: () => '/api/users', base: () => ({ email: 'nouveau@example.org', name: 'Nouvelle Personne', roles: ['staff'], category: 'staff' }),
    refused: { email: fc.oneof(refusedString(254), fc.constantFrom<unknown>('pas-une-adresse', 'a@b', '@example.org')), name: refusedString(200), roles: fc.constantFrom<unknown>([], ['boss'], 'staff', null, {}, [...roles, 'staff']), category: refusedEnum(['staff', 'student']), password: refusedPassword, entityId: fc.constantFrom<unknown>('', 'x'.repeat(65), 1, 'ent_nowhere') },
  },
  {
    name: 'PATCH /api/users/:id', runs: 200, method: 'PATCH', path: (t) => `/api/users/${otherPerson(t)}`, badPath: () => hostileSegment.map((s) => `/api/users/${s}`), base: () => ({ name: 'Nouveau Nom' }),
    refused: { name: refusedString(200), category: refusedEnum(['staff', 'student']), entityId: fc.constantFrom<unknown>('', 'x'.repeat(65), 1, 'ent_nowhere', [], {}) },
  },
  { name: 'POST /api/users/:id/password', runs: 150, method: 'POST', path: (t) => `/api/users/${otherPerson(t)}/password`, badPath: () => hostileSegment.map((s) => `/api/users/${s}/password`), base: () => ({ password: NEW_PASSWORD }), refused: { password: refusedPassword } },
  { name: 'POST /api/users/:id/roles', runs: 120, method: 'POST', path: (t) => `/api/users/${otherPerson(t)}/roles`, badPath: () => hostileSegment.map((s) => `/api/users/${s}/roles`), base: () => ({ role: 'finance', action: 'add' }), refused: { role: refusedEnum(roles), action: refusedEnum(['add', 'remove']) } },
  {
    name: 'PUT /api/reports/settings', runs: 240, method: 'PUT', path: () => '/api/reports/settings',
    base: () => ({ referenceYear: 2019, ghgReductionPercentPerYear: 5, flightTargets: [{ year: 2030, reductionPercent: 50 }] }),
    refused: {
      referenceYear: fc.constantFrom<unknown>(1989, 2101, 2019.5, '1989', 'deux mille', Number.NaN, null, [1989]), // the schema coerces: '2019' or [2019] would pass
      ghgReductionPercentPerYear: fc.constantFrom<unknown>(100, -1, 1e308, Number.NaN, Infinity, '5', null),
      flightTargets: fc.constantFrom<unknown>(null, {}, 'x', Array.from({ length: 11 }, (_, i) => ({ year: 2030 + i, reductionPercent: 1 })), [{ year: 2010, reductionPercent: 1 }], [{ year: 2030, reductionPercent: 101 }], [{ year: 2030, reductionPercent: 1 }, { year: 2030, reductionPercent: 2 }]),
    },
  },
];

// The historical import takes the CSV as a text/csv body: refused before reading it when the query is
// wrong, the body is not text, or it is empty (a file's bad rows are recorded with the run, by design).
const importSpec: Spec = {
  name: 'POST /api/reports/import', kind: 'api', runs: 150,
  request: (t) => {
    const csv = 'mission;date;category;entity;purpose;mode;from;to;distance_km;round_trip;travelers;cost_eur\nM1;2019-03-14;staff;X;conference;train;;;100;yes;1;1,00\n';
    const post = (note: string, query: string, type: string, body: string) => ({ method: 'POST' as const, path: `/api/reports/import${query}`, headers: { authorization: t.bearer, 'content-type': type }, body, note });
    // Kept only when the route's own schema refuses it (`batch= 12 ` is coerced to 12, for one).
    const refusedByRoute = (q: string) => !importQuery.safeParse(parseQuery(q.slice(1))).success;
    const badQuery = fc.oneof(
      fc.constantFrom('?strict=yes', '?batch=0', '?batch=50001', '?batch=1.5', '?errors=xml', '?unknown=1', '?strict=1&strict=0', `?map=${'a'.repeat(2001)}`, `?fileName=${'f'.repeat(201)}`, '?factorSet=', '?batch=%E0%A4%A'),
      fc.tuple(fc.constantFrom('strict', 'batch', 'errors'), hostileText).map(([k, v]) => `?${k}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '').slice(0, 500))}`),
    ).filter(refusedByRoute);
    return fc.oneof(
      badQuery.map((q) => post('bad query', q, 'text/csv', csv)),
      fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'application/octet-stream').map((type) => post(`content-type ${type}`, '', type, type.includes('json') ? '{"csv":"x"}' : 'csv=x')),
      fc.constantFrom('', '').map((body) => post('empty body', '', 'text/csv', body)),
    );
  },
};

// GET endpoints: any query at all, including repeated keys and malformed escapes. The query stays
// under 12,000 characters: Node refuses a request line and headers over 16 kB (431) before the app.
const query = (names: string[]) =>
  fc.array(fc.oneof(fc.tuple(fc.constantFrom(...names, 'unknown', '__proto__'), hostileText).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '').slice(0, 1_500))}`), malformedEscapes.map((e) => `${names[0]}=${e}`)), { maxLength: 5 }).map((parts) => parts.join('&').slice(0, 12_000));
const getSpec = (name: string, path: string, names: string[], runs: number, anonymous = false, kind: Spec['kind'] = 'api'): Spec => ({
  name, kind, runs, ...(kind === 'form' ? { okStatuses: [200, 303] } : {}),
  request: (t) => query(names).map((q) => ({ method: 'GET' as const, path: `${path}?${q}`, headers: (anonymous ? {} : { authorization: t.bearer }) as Record<string, string>, note: 'query' })),
});

// Forms: strings only. Each payload carries a refused value in a required field (an optional one will
// not do: a repeated field reads as empty, and empty is how a form leaves an optional field out).
type FormSpec = { name: string; runs: number; path: (t: HostileTarget) => string; base: (t: HostileTarget) => FormField[]; refused: Record<string, fc.Arbitrary<string>>; anonymous?: boolean; okStatuses?: number[] };
const refusedText = (max: number) => fc.oneof(fc.constantFrom('', '   ', '\t'), longString(max));

function formRequest(spec: FormSpec, t: HostileTarget): fc.Arbitrary<HostileRequest> {
  const cookie = spec.anonymous ? t.anonymousCookie : t.sessionCookie;
  const csrf: FormField = ['_csrf', spec.anonymous ? t.anonymousCsrf : t.csrfToken];
  const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie };
  const base = spec.base(t);
  const make = (note: string, body: string, h: Record<string, string> = headers): HostileRequest => ({ method: 'POST', path: spec.path(t), headers: h, body, note });
  const refused = fc.constantFrom(...Object.keys(spec.refused)).chain((field) => spec.refused[field]!.map((value) => [field, value] as FormField));
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom('__proto__[polluted]', 'constructor[prototype][polluted]', '__proto__', 'legs.99.mode', 'legs.0.__proto__'), ...base.map(([k]) => fc.constant(k))), hostileText), { maxLength: 3 });
  const others = (field: string, noise: FormField[]) => [...base.filter(([k]) => k !== field), ...noise.filter(([k]) => k !== field)];
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(refused, extra).map(([field, noise]) => make(`refused ${field[0]}`, formBody([...others(field[0], noise), field, csrf]))) },
    fc.tuple(refused, fc.nat({ max: 3 })).map(([field, n]) => make(`duplicated ${field[0]}`, formBody([...base.filter(([k]) => k !== field[0]), field, ...Array.from({ length: n + 1 }, () => field), csrf]))),
    fc.tuple(refused, malformedEscapes).map(([field, junk]) => make(`malformed escape`, `${formBody([...base.filter(([k]) => k !== field[0]), field, csrf])}&${encodeURIComponent(base[0]![0])}=${junk}`)),
    fc.integer({ min: 65_537, max: 120_000 }).map((n) => make('over 64 kB', `${formBody([...base, csrf])}&x=${'a'.repeat(n)}`)),
    fc.integer({ min: 1_001, max: 1_500 }).map((n) => make('over 1000 fields', `${formBody([...base, csrf])}&${Array.from({ length: n }, (_, i) => `f${i}=1`).join('&')}`)),
    refused.map((field) => make('without _csrf', formBody([...base.filter(([k]) => k !== field[0]), field]))),
  );
}

const formSpecs: FormSpec[] = [
  // The limiter refuses every well-formed attempt (see the fixture): only parsing is exercised here.
  { name: 'POST /sign-in', runs: 300, anonymous: true, path: () => '/sign-in', base: () => [['email', 'someone@example.org'], ['password', 'a long enough passphrase'], ['next', '/missions']], refused: { email: fc.oneof(refusedText(254), hostileText), password: fc.oneof(fc.constantFrom(''), longString(1024), hostileText), next: fc.oneof(longString(512), hostileText) }, okStatuses: [429] },
  { name: 'POST /account/tokens', runs: 250, path: () => '/account/tokens', base: () => [['label', 'script']], refused: { label: refusedText(100) } },
  {
    name: 'POST /missions/new', runs: 450, path: () => '/missions/new', okStatuses: [200],
    base: (t) => [['purpose', 'conference'], ['budgetLineId', t.budgetLineId], ['departDate', '2027-03-10'], ['departTime', '07:00'], ['returnDate', '2027-03-14'], ['returnTime', '21:00'], ['destinationCountry', 'CA'], ['destinationCity', 'Montréal'], ['legs.0.mode', 'plane'], ['legs.0.from', 'MPL'], ['legs.0.to', 'YUL'], ['legs.0.roundTrip', 'on'], ['legs.0.travelers', '1'], ['legs.0.fareEuros', '950'], ['intent', 'save']],
    refused: { purpose: hostileText.filter((v) => !['conference', 'research', 'teaching', 'recruitment', 'student_mobility', 'meeting', 'training', 'other'].includes(v.trim())), destinationCountry: hostileText.filter((v) => !/^[A-Za-z]{2}$/.test(v.trim())) },
  },
  {
    name: 'POST /missions/:id/edit', runs: 250, path: (t) => `/missions/${t.draftMissionId}/edit`, okStatuses: [200],
    base: (t) => [['purpose', 'research'], ['budgetLineId', t.budgetLineId], ['departDate', '2027-03-10'], ['returnDate', '2027-03-14'], ['destinationCountry', 'CA'], ['legs.0.mode', 'train'], ['legs.0.distanceKm', '300'], ['intent', 'submit']],
    refused: { purpose: hostileText.filter((v) => !['conference', 'research', 'teaching', 'recruitment', 'student_mobility', 'meeting', 'training', 'other'].includes(v.trim())) },
  },
  { name: 'POST /missions/:id/action', runs: 250, path: (t) => `/missions/${t.draftMissionId}/action`, base: () => [['intent', 'submit'], ['comment', 'ok'], ['version', '1'], ['_idem', 'k1']], refused: { intent: hostileText.filter((v) => !['submit', 'validate', 'return', 'reject', 'cancel'].includes(v)) } },
  { name: 'POST /finance/projects', runs: 250, path: () => '/finance/projects', base: () => [['name', 'Haies'], ['scope', 'internal'], ['description', '']], refused: { name: fc.oneof(refusedText(120), fc.constantFrom('a', ' a ')), scope: hostileText.filter((v) => !['internal', 'territory'].includes(v)) } },
  { name: 'POST /finance/disbursements', runs: 250, path: () => '/finance/disbursements', base: (t) => [['projectId', t.projectId], ['amount', '1,00'], ['co2e', ''], ['memo', 'Versement'], ['entityId', '']], refused: { memo: refusedText(500), projectId: fc.oneof(fc.constantFrom('', ' '), longString(200)) } },
  { name: 'POST /finance/transfers/:id/reverse', runs: 150, path: (t) => `/finance/transfers/${t.transferId}/reverse`, base: () => [['reason', 'Erreur de saisie']], refused: { reason: fc.oneof(refusedText(500), fc.constantFrom('ab', ' ab ')) } },
  { name: 'POST /copil/settings', runs: 150, path: () => '/copil/settings', base: () => [['referenceYear', '2019'], ['rate', '5'], ['target1Year', '2030'], ['target1Percent', '50']], refused: { referenceYear: fc.oneof(fc.constantFrom('', ' ', '1989', '2101', '2019,5', 'abc'), hostileText.filter((v) => !/^\s*\d{4}\s*$/.test(v))) } },
  { name: 'POST /admin/import', runs: 150, path: () => '/admin/import', base: () => [['csv', 'mission;date\nM1;2019-01-01'], ['factorSet', ''], ['map', ''], ['entity', '']], refused: { csv: fc.constantFrom('', ' ', '\n\t ') } },
  { name: 'POST /admin/carbon-prices', runs: 150, path: () => '/admin/carbon-prices', base: () => [['year', '2027'], ['price', '120'], ['note', '']], refused: { year: fc.oneof(fc.constantFrom('1989', '2101', '20277', '2027.0', '', ' '), hostileText.filter((v) => !/^\s*\d{4}\s*$/.test(v))) } },
  {
    name: 'POST /account/password', runs: 200, path: () => '/account/password',
    // The base's current password is wrong: should a payload ever pass the checks, it still changes nothing.
    base: () => [['currentPassword', 'not the password at all'], ['newPassword', NEW_PASSWORD], ['confirmPassword', NEW_PASSWORD]],
    refused: { currentPassword: fc.oneof(fc.constantFrom(''), longString(1024)), newPassword: fc.oneof(fc.constantFrom('', 'court', 'x'.repeat(11)), longString(1024)), confirmPassword: hostileText.filter((v) => v !== NEW_PASSWORD) },
  },
  {
    name: 'POST /admin/people', runs: 200, path: () => '/admin/people',
    base: () => [['email', 'nouveau@example.org'], ['name', 'Nouvelle Personne'], ['category', 'staff'], ['entityId', ''], ['roles', 'staff'], ['password', '']],
    refused: { email: hostileText.filter((v) => !emailSchema.safeParse(v).success), name: refusedText(200), category: hostileText.filter((v) => !['staff', 'student'].includes(v)), roles: hostileText.filter((v) => !(roles as readonly string[]).includes(v)) },
  },
  {
    name: 'POST /admin/people/:id', runs: 150, path: (t) => `/admin/people/${otherPerson(t)}`, base: () => [['name', 'Nouveau Nom'], ['entityId', ''], ['category', 'staff']],
    refused: { name: refusedText(200), category: hostileText.filter((v) => !['staff', 'student'].includes(v)) },
  },
  {
    name: 'POST /admin/people/:id/password', runs: 120, path: (t) => `/admin/people/${otherPerson(t)}/password`, base: () => [['newPassword', NEW_PASSWORD], ['confirmPassword', NEW_PASSWORD]],
    refused: { newPassword: fc.oneof(fc.constantFrom('', 'court', 'x'.repeat(11)), longString(1024)), confirmPassword: hostileText.filter((v) => v !== NEW_PASSWORD) },
  },
  { name: 'POST /admin/people/:id/roles', runs: 100, path: (t) => `/admin/people/${otherPerson(t)}/roles`, base: () => [['role', 'finance'], ['action', 'add']], refused: { role: hostileText.filter((v) => !(roles as readonly string[]).includes(v)), action: hostileText.filter((v) => !['add', 'remove'].includes(v)) } },
  { name: 'POST /admin/organisation/entities', runs: 120, path: () => '/admin/organisation/entities', base: () => [['name', 'Centre de recherche'], ['kind', 'lab']], refused: { name: fc.oneof(refusedText(200), fc.constantFrom('ent_hijack', ' ent_x ')), kind: hostileText.filter((v) => !['lab', 'department', 'service'].includes(v)) } },
  { name: 'POST /admin/organisation/budget-lines', runs: 120, path: () => '/admin/organisation/budget-lines', base: (t) => [['entityId', anEntity(t)], ['code', 'X-1'], ['label', 'Ligne']], refused: { code: refusedText(64), label: refusedText(200), entityId: fc.oneof(fc.constantFrom('', ' '), longString(64)) } },
];

// Actions that take no fields (disable, enable, close, reopen): a body with any field, or no JSON
// object at all, is refused; a valid empty body only ever goes to an unknown id or lacks the CSRF token.
const bodylessApi: Spec = {
  name: 'POST /api/users/:id/disable|enable, /api/budget-lines/:id/close|reopen', kind: 'api', runs: 200,
  request: (t) => {
    const routes: Array<[string, string]> = [['/api/users/', '/disable'], ['/api/users/', '/enable'], ['/api/budget-lines/', '/close'], ['/api/budget-lines/', '/reopen']];
    const idFor = (prefix: string) => (prefix === '/api/users/' ? otherPerson(t) : t.budgetLineId);
    const json = { 'content-type': 'application/json', authorization: t.bearer };
    return fc.constantFrom(...routes).chain(([prefix, action]) => {
      const post = (note: string, body: string, headers: Record<string, string> = json, path = `${prefix}${idFor(prefix)}${action}`): HostileRequest => ({ method: 'POST', path, headers, body, note: `${action}: ${note}` });
      return fc.oneof(
        fc.tuple(fc.oneof(fc.constantFrom(...pollutionKeys), fc.string({ minLength: 1, maxLength: 20 })), hostileValue).map(([key, value]) => post(`unknown key ${JSON.stringify(key)}`, jsonText([[key, value]]))),
        fc.constantFrom('[]', '[{}]', '1', '"x"', 'true', 'null', '{}x', '{', '{"a":', '{,}', '{/* c */}', '\uFEFF{}garbage').map((body) => post('not an object', body)),
        pollution.map((body) => post('prototype pollution', body)),
        deeplyNested.map((body) => post('deeply nested', body)),
        fc.constant(null).chain(() => oversizedJson).map((body) => post('over 256 kB', body)),
        fc.constantFrom('iso-8859-1', 'klingon').map((charset) => post(`charset ${charset}`, '{}', { ...json, 'content-type': `application/json; charset=${charset}` })),
        fc.constantFrom('gzip', 'deflate', 'br').map((encoding) => post(`content-encoding ${encoding}`, '{}', { ...json, 'content-encoding': encoding })),
        hostileSegment.map((segment) => post('bad path', '{}', json, `${prefix}${segment}${action}`)),
        fc.constant(post('cookie without X-CSRF-Token', '{}', { 'content-type': 'application/json', cookie: t.sessionCookie })),
      );
    });
  },
};

// The same actions from the admin pages: an unknown id is a 404 page, a real one without _csrf a 403.
const bodylessForms: Spec = {
  name: 'POST /admin/people/:id/disable|enable|roles, /admin/organisation/budget-lines/:id/close|reopen', kind: 'form', runs: 100,
  request: (t) => {
    const routes: Array<[string, string]> = [['/admin/people/', '/disable'], ['/admin/people/', '/enable'], ['/admin/people/', '/roles'], ['/admin/organisation/budget-lines/', '/close'], ['/admin/organisation/budget-lines/', '/reopen']];
    const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: t.sessionCookie };
    return fc.tuple(fc.constantFrom(...routes), fc.oneof(hostileSegment, fc.constant(null))).map(([[prefix, action], segment]): HostileRequest => {
      if (segment !== null) return { method: 'POST', path: `${prefix}${segment}${action}`, headers, body: formBody([['role', 'finance'], ['action', 'add'], ['_csrf', t.csrfToken]]), note: `${action}: unknown id` };
      const id = prefix === '/admin/people/' ? otherPerson(t) : t.budgetLineId;
      return { method: 'POST', path: `${prefix}${id}${action}`, headers, body: formBody([['role', 'finance'], ['action', 'add']]), note: `${action}: without _csrf` };
    });
  },
};

export const specs: Spec[] = [
  ...jsonSpecs.map((s): Spec => ({ name: s.name, kind: 'api', runs: s.runs, request: (t) => jsonRequest(s, t) })),
  getSpec('GET /api/places', '/api/places', ['q', 'limit', 'kind'], 200, true),
  getSpec('GET /api/missions', '/api/missions', ['status', 'entity', 'traveller', 'from', 'to', 'limit', 'offset'], 150),
  getSpec('GET /api/ledger/balances', '/api/ledger/balances', ['asOf', 'format'], 150),
  getSpec('GET /api/ledger/statement', '/api/ledger/statement', ['account', 'from', 'to', 'format'], 150),
  getSpec('GET /api/reports/copil', '/api/reports/copil', ['year', 'reference', 'format', 'lang'], 150),
  getSpec('GET /api/reports/recompute', '/api/reports/recompute', ['year', 'factorSet'], 100),
  importSpec,
  // Pages with filters in their address: a bad filter is a 400 page or the default view, never a 500.
  getSpec('GET /copil', '/copil', ['year', 'reference'], 50, false, 'form'),
  getSpec('GET /secretariat', '/secretariat', ['status', 'entity', 'from', 'to'], 50, false, 'form'),
  getSpec('GET /finance', '/finance', ['asOf'], 50, false, 'form'),
  getSpec('GET /finance/statement', '/finance/statement', ['account', 'from', 'to', 'format'], 50, false, 'form'),
  getSpec('GET /api/users', '/api/users', ['q', 'limit'], 20),
  bodylessApi,
  getSpec('GET /admin/people', '/admin/people', ['lang', 'q'], 20, false, 'form'),
  getSpec('GET /admin/organisation', '/admin/organisation', ['lang', 'entity'], 20, false, 'form'),
  getSpec('GET /account/password', '/account/password', ['lang', 'next'], 20, false, 'form'),
  ...formSpecs.map((s): Spec => ({ name: s.name, kind: 'form', runs: s.runs, okStatuses: s.okStatuses, request: (t) => formRequest(s, t) })),
  bodylessForms,
  {
    name: 'POST /account/tokens/:id/revoke', kind: 'form', runs: 100, okStatuses: [303],
    request: (t) => hostileSegment.map((id) => ({ method: 'POST' as const, path: `/account/tokens/${id}/revoke`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: t.sessionCookie }, body: formBody([['_csrf', t.csrfToken]]), note: 'unknown token id' })),
  },
];
