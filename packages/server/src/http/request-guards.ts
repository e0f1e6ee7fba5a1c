// Guards in front of /trpc: JSON-only mutations (a form post from another
// site cannot be a "simple request" that skips CORS), body size caps, and no
// caching of responses that may hold PHI.
import type { NextFunction, Request, Response } from 'express';

export function trpcGuards(maxBodyBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    if (req.method === 'POST') {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') {
        res.status(415).json({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send JSON (application/json)' } });
        return;
      }
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > maxBodyBytes) {
        res.status(413).json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' } });
        return;
      }
    } else if (req.method !== 'GET') {
      res.status(405).json({ error: { code: 'METHOD_NOT_ALLOWED', message: 'Use GET for queries and POST for mutations' } });
      return;
    }
    next();
  };
}
