import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { projectRoot } from '../shared/db.ts';

export const assetsFolder = resolve(projectRoot, 'templates/assets');

// Strict CSP: no inline script or style anywhere, so pages load scripts as files from /assets and
// style through classes. `upgrade-insecure-requests` only when the deployment is on TLS, or it would
// break plain-HTTP local use.
export function securityHeaders(config: Pick<Config, 'EMPREINTE_SECURE_COOKIES'>): RequestHandler {
  const headers = recordedHeaders(helmetFor(config));
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

export function helmetFor(config: Pick<Config, 'EMPREINTE_SECURE_COOKIES'>) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.EMPREINTE_SECURE_COOKIES ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' }, // the legacy twin of frame-ancestors 'none'
    referrerPolicy: { policy: 'same-origin' },
  });
}

// helmet decides the headers; with no per-request directive (no nonce) they depend on configuration
// only, so they are recorded once and replayed: helmet's chain of a dozen middleware on every request
// showed in the quote route's profile. The recording fails loudly if helmet ever needs the request.
function recordedHeaders(middleware: ReturnType<typeof helmet>): ReadonlyArray<[string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let finished = false;
  middleware({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not set its headers synchronously');
  return [...headers];
}

export function staticAssets(): RequestHandler {
  return express.static(assetsFolder, { index: false, maxAge: '1h', fallthrough: true, dotfiles: 'ignore' });
}
