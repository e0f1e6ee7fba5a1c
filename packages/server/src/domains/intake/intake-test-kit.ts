// Shared pieces of the intake integration tests (not a test file itself):
// a typed caller, a conditional two-page form, real file bytes, and row counts.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FormDefinition } from '@therapycrm/plugin-sdk';
import { createCallerFactory } from '../../trpc/init.js';
import { appRouter } from '../../router.js';
import { createTestContext, type RequestInfo } from '../../trpc/context.js';
import { DomainError } from '../../errors.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { TestPractice } from '../../../test/support/fixtures.js';
import { signedInStaff } from '../../../test/support/fixtures.js';

const createCaller = createCallerFactory(appRouter);

/** A caller typed from the router (the shared harness's `caller` loses the router type). */
export function callerFor(app: TestApp, request: Partial<RequestInfo> = {}) {
  return createCaller(createTestContext(app.services, request));
}

export function widgetCaller(app: TestApp, practice: TestPractice, extra: Partial<RequestInfo> = {}) {
  return callerFor(app, { publishableKey: practice.publishableKey, origin: practice.origin, ...extra });
}

export async function staffCaller(app: TestApp, practice: TestPractice, role: 'owner' | 'clinician' | 'front_desk' | 'biller' | 'auditor') {
  const staff = await signedInStaff(app, practice.practiceId, role);
  return { ...staff, caller: callerFor(app, { staffSessionToken: staff.token }) };
}

/** The DomainError behind a rejected procedure call. */
export async function domainErrorOf(call: Promise<unknown>): Promise<DomainError> {
  try {
    await call;
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof DomainError) return cause;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** Two pages with conditions: `previous_therapist` shows only after "yes", `referral_other` only for "other". */
export const conditionalForm: Omit<FormDefinition, 'version'> = {
  title: { en: 'New client intake', es: 'Admisión' },
  pages: [
    {
      id: 'about',
      items: [
        { type: 'text', id: 'first_name', label: 'First name', required: true, prefillKey: 'client.firstName' },
        { type: 'email', id: 'email', label: 'E-mail', required: true, prefillKey: 'client.email' },
        { type: 'yes_no', id: 'seen_before', label: 'Seen a therapist before?', required: true },
        { type: 'text', id: 'previous_therapist', label: 'Who?', visibleWhen: { field: 'seen_before', op: 'eq', value: true } },
        {
          type: 'single_choice',
          id: 'referral',
          label: 'How did you hear about us?',
          options: [
            { value: 'doctor', label: 'Doctor' },
            { value: 'other', label: 'Other' },
          ],
        },
        {
          type: 'text',
          id: 'referral_other',
          label: 'Tell us more',
          visibleWhen: { field: 'referral', op: 'eq', value: 'other' },
          requiredWhen: { field: 'referral', op: 'eq', value: 'other' },
        },
      ],
    },
    {
      id: 'history',
      items: [
        { type: 'long_text', id: 'concerns', label: 'What brings you here?', required: true },
        { type: 'number', id: 'sleep_hours', label: 'Hours of sleep', min: 0, max: 24 },
        { type: 'file_upload', id: 'insurance_card', label: 'Insurance card', accept: ['image/*', 'application/pdf'], maxBytes: 5_000_000, maxFiles: 2 },
        { type: 'signature', id: 'signature', label: 'Signature', required: true },
      ],
    },
  ],
};

/** Publishes `conditionalForm` as `key` with a clinician; returns the form id. */
export async function publishedConditionalForm(app: TestApp, practice: TestPractice, key = 'adult-intake') {
  const { caller } = await staffCaller(app, practice, 'clinician');
  const created = await caller.intake.forms.create({ key, title: 'Adult intake', definition: { ...conditionalForm, version: 1 } });
  await caller.intake.forms.publish({ formId: created.formId });
  return created;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real, decodable greyscale PNG (a signature-like diagonal stroke). */
export function signaturePng(size = 32): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Array.from({ length: size }, (_, y) => Buffer.from([0, ...Array.from({ length: size }, (_, x) => (x === y ? 0 : 255))]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal valid one-page PDF; `padding` bytes of comment make it bigger. */
export function samplePdf(padding = 0): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    `%${'x'.repeat(padding)}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

export const HTML_BYTES = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);

/** Rows an intake request may create; compared before and after refused requests. */
export async function intakeRowCounts(app: TestApp) {
  const db = app.services.prisma;
  const [submissions, clients, files, idempotencyKeys, jobs, drafts] = await Promise.all([
    db.intakeSubmission.count(),
    db.client.count(),
    db.storedFile.count(),
    db.idempotencyKey.count(),
    db.job.count(),
    db.intakeDraft.count(),
  ]);
  return { submissions, clients, files, idempotencyKeys, jobs, drafts, blobs: blobFiles(app).length };
}

/** Every blob on the local file store. */
export function blobFiles(app: TestApp): string[] {
  const root = path.join(app.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
