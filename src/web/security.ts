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

export function staticAssets(): RequestHandler {
  return express.static(assetsFolder, { index: false, maxAge: '1h', fallthrough: true, dotfiles: 'ignore' });
}
