// Small helpers shared by the catalogue's domain files.
import crypto from 'node:crypto';
import type { TestApp } from '../test-app.js';

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
export const owner = { kind: 'staff', role: 'owner' } as const;

export const idOf = (r: unknown) => (r as { id: string }).id;
export const lowest = (ids: string[]) => [...ids].sort()[0]!;
/** A uuid that sorts right next to `id` and exists nowhere (last hex digit changed). */
export const neighbourOf = (id: string) => id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
/** Fresh per call, for inputs that must be unique (slugs, invite e-mails). */
export const unique = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}`;

export async function practiceOfApiKey(app: TestApp, id: string) {
  return (await app.services.prisma.apiKey.findUniqueOrThrow({ where: { id }, select: { practiceId: true } })).practiceId;
}
export async function practiceOfClient(app: TestApp, id: string) {
  return (await app.services.prisma.client.findUniqueOrThrow({ where: { id }, select: { practiceId: true } })).practiceId;
}
