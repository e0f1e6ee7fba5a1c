// GET /files/:id — staff download of an encrypted file. Same rules as a staff
// procedure (session cookie, MFA passed, the file's practice is the session's
// practice, role allowed for what the file belongs to), every read audited,
// and served so a browser can never render it in our origin: attachment,
// nosniff, a sandboxing CSP and no caching.
import express, { type Request, type Response } from 'express';
import { DomainError, type DomainErrorCode } from '../errors.js';
import { resolveStaffSession, type StaffPrincipal } from '../domains/auth/staff-session.js';
import { readCookie, STAFF_SESSION_COOKIE } from '../trpc/context.js';
import type { AppServices } from '../services.js';
import { mayReadFile } from './file-readers.js';
import { extensionFor } from './sniff-content-type.js';
import { readDecryptedBlob } from './stored-files.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS: Partial<Record<DomainErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
};

function fail(res: Response, err: DomainError): void {
  res.status(STATUS[err.code] ?? 400).json({ error: { code: err.code, message: err.message } });
}

async function staffFrom(services: AppServices, req: Request): Promise<StaffPrincipal> {
  const token = readCookie(req.headers.cookie, STAFF_SESSION_COOKIE);
  if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in required');
  const staff = await resolveStaffSession(services, token);
  if (!staff.mfaVerified) throw new DomainError('MFA_REQUIRED', 'Complete two-factor authentication to continue');
  return staff;
}

export function filesRoute(services: AppServices): express.Router {
  const route = express.Router();
  route.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const ip = req.ip ?? 'unknown';
    try {
      await services.rateLimits.consume('request', ip);
      const staff = await staffFrom(services, req);
      const id = req.params.id;
      const file = UUID.test(id)
        ? await services.prisma.storedFile.findFirst({
            // Tenant from the session: another practice's id is simply not found.
            where: { id, practiceId: staff.practiceId },
            select: { id: true, practiceId: true, ownerType: true, ownerId: true, contentType: true, byteSize: true, storageKey: true, sha256: true },
          })
        : null;
      if (!file) throw new DomainError('NOT_FOUND', 'File not found');
      const actor = { type: 'staff' as const, id: staff.userId };
      if (!mayReadFile(file.ownerType, staff.role)) {
        await services.audit.record({
          practiceId: staff.practiceId,
          actor,
          action: 'access.denied',
          objectType: 'StoredFile',
          objectId: file.id,
          outcome: 'denied',
          ip,
          detail: { role: staff.role, ownerType: file.ownerType },
        });
        throw new DomainError('FORBIDDEN', 'Your role does not allow this');
      }
      const bytes = await readDecryptedBlob(services, file);
      await services.audit.record({
        practiceId: staff.practiceId,
        actor,
        action: 'file.read',
        objectType: 'StoredFile',
        objectId: file.id,
        outcome: 'success',
        ip,
        detail: { ownerType: file.ownerType, ownerId: file.ownerId },
      });
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Length', String(bytes.length));
      // A generated name: the uploader's file name may itself be PHI and is not a safe header value.
      res.setHeader('Content-Disposition', `attachment; filename="file-${file.id}.${extensionFor(file.contentType)}"`);
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.end(bytes);
    } catch (err) {
      if (err instanceof DomainError) return fail(res, err);
      services.logger.error({ error: (err as Error).name }, 'file download failed');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal error' } });
    }
  });
  return route;
}
