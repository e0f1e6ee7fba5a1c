// Catalogue entries for staff and client authentication (see ../procedure-catalogue.ts).
import { expect } from 'vitest';
import type { ProcedureCase } from './types.js';
import { owner, unique } from './helpers.js';

const spare = { kind: 'staff', role: 'clinician', spare: true } as const;
const STRONG_PASSWORD = 'Quiet-Harbor-Lantern-2931';

export const authCatalogue: Record<string, ProcedureCase> = {
  'auth.signIn': {
    principal: { kind: 'anonymous' },
    tenantFree: 'credentials name the account; the practice comes from its memberships (practiceId only picks among them)',
    validInput: (w) => ({ email: w.a.spareStaff.email, password: w.a.spareStaff.password }),
    isolation: [
      {
        kind: 'scoped',
        name: "naming B's practiceId signs A's member in to A only",
        input: (w) => ({ email: w.a.spareStaff.email, password: w.a.spareStaff.password, practiceId: w.b.practice.practiceId }),
        check: (r, w) => expect(r).toMatchObject({ status: 'signed_in', practice: { id: w.a.practice.practiceId } }),
      },
    ],
  },
  'auth.signOut': {
    principal: { kind: 'anonymous' },
    tenantFree: 'ends only the session named by its own cookie; takes no input',
    validInput: () => undefined,
    isolation: [],
  },
  'auth.signUpPractice': {
    principal: { kind: 'anonymous' },
    tenantFree: 'creates a new tenant; its input names no existing practice',
    validInput: () => ({
      practiceName: 'Fresh Practice',
      slug: unique('fresh'),
      timezone: 'Europe/Berlin',
      owner: { email: `${unique('founder')}@example.test`, displayName: 'Founder', password: STRONG_PASSWORD },
    }),
    isolation: [
      {
        kind: 'foreign',
        name: "B's staff e-mail without its password (cannot attach B's account)",
        input: (w) => ({
          practiceName: 'Hijack',
          slug: unique('hijack'),
          timezone: 'UTC',
          owner: { email: w.b.spareStaff.email, displayName: 'Hijacker', password: STRONG_PASSWORD },
        }),
        expect: 'CONFLICT',
      },
      {
        kind: 'foreign',
        name: "B's slug",
        input: (w) => ({
          practiceName: 'Squatter',
          slug: w.b.slug,
          timezone: 'UTC',
          owner: { email: `${unique('squat')}@example.test`, displayName: 'Squatter', password: STRONG_PASSWORD },
        }),
        expect: 'CONFLICT',
      },
    ],
  },
  'auth.me': {
    principal: { kind: 'staff', role: 'clinician' },
    validInput: () => undefined,
    isolation: [
      {
        kind: 'scoped',
        name: "A's member sees A only",
        check: (r, w) =>
          expect(r).toMatchObject({ practice: { id: w.a.practice.practiceId }, practices: [{ id: w.a.practice.practiceId }] }),
      },
    ],
  },
  'auth.changePassword': {
    principal: spare,
    validInput: () => ({ currentPassword: 'not-the-password', newPassword: STRONG_PASSWORD }),
    validOutcome: 'BAD_REQUEST',
    isolation: [
      {
        kind: 'own-only',
        name: "a wrong current password changes nothing anywhere",
        input: () => ({ currentPassword: 'not-the-password', newPassword: STRONG_PASSWORD }),
        outcome: 'BAD_REQUEST',
      },
    ],
  },
  'auth.mfa.startEnrolment': {
    principal: spare,
    validInput: () => undefined,
    isolation: [{ kind: 'own-only', name: "enrols the caller's own account", outcome: 'ok' }],
  },
  'auth.mfa.confirmEnrolment': {
    principal: spare,
    // The spare clinician has no enrolment in progress when this runs.
    validInput: () => ({ code: '000000' }),
    validOutcome: 'NOT_FOUND',
    isolation: [{ kind: 'own-only', name: 'a wrong code', input: () => ({ code: '000000' }), outcome: ['NOT_FOUND', 'BAD_REQUEST'] }],
  },
  'auth.mfa.verify': {
    principal: spare,
    // Not enrolled (no confirmed factor): nothing to verify against.
    validInput: () => ({ code: '000000' }),
    validOutcome: 'NOT_FOUND',
    isolation: [{ kind: 'own-only', name: 'a wrong code', input: () => ({ code: '000000' }), outcome: ['NOT_FOUND', 'BAD_REQUEST'] }],
  },
  'auth.staff.invite': {
    principal: owner,
    validInput: () => ({ email: `${unique('invitee')}@example.test`, role: 'biller' }),
    isolation: [
      {
        kind: 'scoped',
        name: "inviting B's staff member creates A's invite only",
        input: (w) => ({ email: w.b.spareStaff.email, role: 'clinician' }),
        check: async (_r, w, app) => {
          const invites = await app.services.prisma.staffInvite.findMany({ where: { email: w.b.spareStaff.email }, select: { practiceId: true } });
          expect(invites).toEqual([{ practiceId: w.a.practice.practiceId }]);
        },
      },
    ],
  },
  'auth.staff.acceptInvite': {
    principal: { kind: 'anonymous' },
    tenantFree: 'the invite token alone names the practice and role; nothing else comes from input',
    validInput: () => ({ token: `tsi_${'x'.repeat(43)}`, displayName: 'Newcomer', password: STRONG_PASSWORD }),
    validOutcome: 'NOT_FOUND',
    isolation: [],
  },
  'auth.staff.list': {
    principal: owner,
    validInput: () => undefined,
    isolation: [
      {
        kind: 'scoped',
        name: "lists A's members only",
        check: (r, w) => {
          const ids = (r as { members: { userId: string }[] }).members.map((m) => m.userId);
          expect(ids).toEqual(expect.arrayContaining([w.a.practice.ownerId, w.a.spareStaff.userId, w.shared.forRole.userId]));
        },
      },
    ],
  },
  'auth.staff.clinicians': {
    principal: { kind: 'staff', role: 'front_desk' },
    validInput: () => undefined,
    isolation: [
      {
        kind: 'scoped',
        name: "lists A's clinicians only (a clinician of both practices appears once, as A's)",
        check: (r, w) => {
          const ids = (r as { id: string }[]).map((c) => c.id);
          expect(ids).toEqual(expect.arrayContaining([w.a.practice.ownerId, w.a.staff.clinician.userId, w.shared.forCalendar.userId]));
          expect(ids).not.toContain(w.b.staff.clinician.userId);
          expect(ids.filter((id) => id === w.shared.forCalendar.userId)).toHaveLength(1);
        },
      },
    ],
  },
  'auth.staff.disable': {
    principal: owner,
    validInput: (w) => ({ userId: w.a.staff.auditor.userId }),
    isolation: [
      { kind: 'foreign', name: "B's clinician", input: (w) => ({ userId: w.b.staff.clinician.userId }), expect: 'NOT_FOUND' },
      { kind: 'foreign', name: "B's owner", input: (w) => ({ userId: w.b.practice.ownerId }), expect: 'NOT_FOUND' },
      {
        kind: 'scoped',
        name: 'someone working in both practices leaves A only (account, B membership and B sessions untouched)',
        input: (w) => ({ userId: w.shared.forDisable.userId }),
        check: async (_r, w, app) => {
          const m = await app.services.prisma.membership.findMany({ where: { staffUserId: w.shared.forDisable.userId }, select: { practiceId: true } });
          expect(m).toEqual([{ practiceId: w.b.practice.practiceId }]);
        },
      },
    ],
  },
  'auth.staff.setRole': {
    principal: owner,
    validInput: (w) => ({ userId: w.a.staff.biller.userId, role: 'biller' }),
    isolation: [
      { kind: 'foreign', name: "B's clinician made owner", input: (w) => ({ userId: w.b.staff.clinician.userId, role: 'owner' }), expect: 'NOT_FOUND' },
      {
        kind: 'scoped',
        name: "a shared member's role changes in A only",
        input: (w) => ({ userId: w.shared.forRole.userId, role: 'biller' }),
        check: (r) => expect(r).toEqual({ role: 'biller' }),
      },
    ],
  },
  'auth.staff.resetMfa': {
    principal: owner,
    // The auditor: auth.staff.disable's valid input has already ended its sessions.
    validInput: (w) => ({ userId: w.a.staff.auditor.userId }),
    isolation: [
      { kind: 'foreign', name: "B's clinician", input: (w) => ({ userId: w.b.staff.clinician.userId }), expect: 'NOT_FOUND' },
      {
        kind: 'foreign',
        name: 'someone who also works in B cannot be reset from A',
        input: (w) => ({ userId: w.shared.forRole.userId }),
        expect: 'PRECONDITION_FAILED',
      },
    ],
  },
  'clientAuth.requestCode': {
    principal: { kind: 'public' },
    validInput: () => ({ email: `${unique('client')}@example.test` }),
    isolation: [
      {
        kind: 'scoped',
        name: "an e-mail B has a live code for: A's code only, B's stays live",
        input: (w) => ({ email: w.b.adultEmail }),
        check: async (_r, w, app) => {
          const hash = await app.services.cipher.blindIndex(w.a.practice.practiceId, w.b.adultEmail);
          expect(await app.services.prisma.emailVerification.count({ where: { practiceId: w.a.practice.practiceId, emailHash: hash } })).toBe(1);
        },
      },
    ],
  },
  'clientAuth.verifyCode': {
    principal: { kind: 'public' },
    validInput: (w) => ({ email: w.a.adultEmail, code: '000000' }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      {
        kind: 'foreign',
        name: "guessing B's live code through A's key leaves B's attempts untouched",
        input: (w) => ({ email: w.b.adultEmail, code: '000000' }),
        expect: 'NOT_FOUND',
        aMayChange: "A's own verification for that address (requested above) counts the attempt",
      },
    ],
  },
  'clientAuth.verifyLink': {
    principal: { kind: 'public' },
    validInput: () => ({ token: 'tcv_unknown_link_token' }),
    validOutcome: 'NOT_FOUND',
    isolation: [
      {
        kind: 'like-unknown',
        name: "B's live link token through A's key",
        input: (w) => ({ token: w.b.linkToken }),
        unknown: (w) => ({ token: `${w.b.linkToken.slice(0, -4)}zzzz` }),
      },
    ],
  },
};
