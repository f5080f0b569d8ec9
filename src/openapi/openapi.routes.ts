import { Router } from 'express';
import { openApiDocument } from './openapi.models.ts';
import { operations } from './openapi.operations.ts';

// Built once per process: the schemas do not change while it runs.
export function openApiRouter(): Router {
  const document = openApiDocument(
    {
      title: 'Empreinte API',
      version: '1',
      description: 'Mission pricing, carbon footprint, SFI validation workflow and compensation ledger. Errors: { error: { code, message, details[] } }.',
    },
    operations,
  );
  const router = Router();
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
