import type { RequestHandler } from 'express';

/**
 * Security headers for the console and API. MapLibre needs blob: workers and data:/blob: images;
 * everything else comes from the same origin (no CDN, no tiles from the internet).
 */
export const securityHeaders: RequestHandler = (_request, response, next) => {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; child-src blob:; connect-src 'self' ws: wss:; font-src 'self' data:; frame-ancestors 'none'",
  );
  next();
};
