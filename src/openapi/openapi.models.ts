import { z } from 'zod';

// Builds an OpenAPI 3.1 document from zod schemas: the document cannot drift from the validation
// the routes actually run, because both read the same schema objects.

export type Operation = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string; // Express style: /api/missions/:id
  summary: string;
  tag: string;
  auth: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number; // success status, 200 unless said
  idempotent?: boolean; // honours the Idempotency-Key header
  errors?: number[];
  produces?: string[]; // other media types of the success answer (text/csv, application/pdf)
  upload?: { field: string; types: string[]; maxBytes: number; fields?: z.ZodObject }; // a multipart/form-data body with one file
};

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('stable code, e.g. mission.invalid_transition'),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() }).catchall(z.unknown())),
  }),
});

const errorText: Record<number, string> = {
  400: 'Invalid input (validation.*): details name each field',
  401: 'Not signed in',
  403: 'Signed in, but this role may not do this',
  404: 'Not found, or not visible to you',
  409: 'Conflict: invalid transition, stale version, or Idempotency-Key reused with another body',
  413: 'Body or file too large',
  415: 'File type not accepted, or its bytes are not what it claims to be',
  429: 'Too many requests',
};

function parameters(op: Operation): unknown[] {
  const fromPath = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  const fromQuery = op.query
    ? Object.entries((jsonSchema(op.query, 'input').properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
        name,
        in: 'query',
        required: ((jsonSchema(op.query!, 'input').required ?? []) as string[]).includes(name),
        schema,
      }))
    : [];
  const key = op.idempotent
    ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Same key and same body: the stored answer is replayed (header Idempotent-Replayed: true). Same key, other body: 409 idempotency.conflict.', schema: { type: 'string', maxLength: 200 } }]
    : [];
  return [...fromPath, ...fromQuery, ...key];
}

function uploadBody(upload: NonNullable<Operation['upload']>): JsonSchema {
  const fields = upload.fields ? ((jsonSchema(upload.fields, 'input').properties ?? {}) as JsonSchema) : {};
  const file = { type: 'string', format: 'binary', description: `${upload.types.join(', ')}; at most ${upload.maxBytes} bytes; the type is read from the bytes` };
  return { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { [upload.field]: file, ...fields }, required: [upload.field] } } } };
}

function operationObject(op: Operation): JsonSchema {
  const success = String(op.status ?? 200);
  const content: JsonSchema = op.response ? { 'application/json': { schema: jsonSchema(op.response, 'output') } } : { 'application/json': {} };
  for (const type of op.produces ?? []) content[type] = {};
  const responses: JsonSchema = { [success]: { description: 'Success', content } };
  const errors = new Set([...(op.errors ?? []), ...(op.body || op.query || op.upload ? [400] : []), ...(op.auth ? [401] : [])]);
  for (const status of [...errors].sort()) {
    responses[String(status)] = { description: errorText[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return {
    summary: op.summary,
    tags: [op.tag],
    operationId: `${op.method}${op.path.replace(/[/:](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/\W/g, '')}`,
    ...(op.auth ? { security: [{ bearerAuth: [] }, { cookieAuth: [] }] } : { security: [] }),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: !op.body.safeParse({}).success, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
    ...(op.upload ? { requestBody: uploadBody(op.upload) } : {}),
    responses,
  };
}

export function openApiDocument(info: { title: string; version: string; description: string }, operations: Operation[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personal API token (npx empreinte user add … --token)' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'empreinte_sid', description: 'Browser session; writes also need the X-CSRF-Token header' },
      },
    },
  };
}
