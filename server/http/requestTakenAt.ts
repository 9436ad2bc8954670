import type { RequestHandler, Response } from 'express';

/** [OPS10] Notes when a request came in, before anything that may wait on Redis (its rate limit, its session). */
export const stampRequestTakenAt: RequestHandler = (_request, response, next) => {
  response.locals.takenAt = Date.now();
  next();
};

/** When the request came in (now, if it was not stamped). */
export function requestTakenAt(response: Response): number {
  const stamped: unknown = response.locals.takenAt;
  return typeof stamped === 'number' ? stamped : Date.now();
}
