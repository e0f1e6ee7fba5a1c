// auth.staff.clinicians: the calendar pickers' list of bookable colleagues,
// per role, on real PostgreSQL and over real HTTP: ids, names and roles of
// active clinicians and owners of the caller's practice only; no e-mails or
// MFA state; auditors refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestPractice, signedInStaff } from '../../../test/support/fixtures.js';
import type { StaffRole } from '../../generated/prisma/enums.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function practiceWithTeam(label: string) {
  const practice = await createTestPractice(app, label);
  const member = async (role: StaffRole, displayName: string) => {
    const s = await signedInStaff(app, practice.practiceId, role);
    await app.services.prisma.staffUser.update({ where: { id: s.userId }, data: { displayName } });
    return s;
  };
  const team = {
    owner: await member('owner', `Olive Owner ${label}`),
    clinician: await member('clinician', `Carla Clinician ${label}`),
    colleague: await member('clinician', `Ben Colleague ${label}`),
    leaver: await member('clinician', `Larry Leaver ${label}`),
    front_desk: await member('front_desk', `Fran Desk ${label}`),
    biller: await member('biller', `Bill Biller ${label}`),
    auditor: await member('auditor', `Audrey Auditor ${label}`),
  };
  // A clinician and the founding owner leave: neither is listed any more.
  const owner = app.caller({ staffSessionToken: team.owner.token });
  await owner.auth.staff.disable({ userId: team.leaver.userId });
  await owner.auth.staff.disable({ userId: practice.ownerId });
  return { practice, team };
}

describe('auth.staff.clinicians', () => {
  it('lists active clinicians and owners of the own practice to owner, front desk, biller and clinician', async () => {
    const a = await practiceWithTeam('A');
    const b = await practiceWithTeam('B');
    const expected = [
      { id: a.team.colleague.userId, displayName: 'Ben Colleague A', role: 'clinician' },
      { id: a.team.clinician.userId, displayName: 'Carla Clinician A', role: 'clinician' },
      { id: a.team.owner.userId, displayName: 'Olive Owner A', role: 'owner' },
    ];
    for (const role of ['owner', 'front_desk', 'biller', 'clinician'] as const) {
      const list = await app
        .caller({ staffSessionToken: a.team[role].token })
        .auth.staff.clinicians();
      expect(list, role).toEqual(expected);
    }
    const fromB = await app
      .caller({ staffSessionToken: b.team.front_desk.token })
      .auth.staff.clinicians();
    expect(fromB.map((c) => c.displayName)).toEqual([
      'Ben Colleague B',
      'Carla Clinician B',
      'Olive Owner B',
    ]);
  });

  it('refuses auditors and anyone without a session, and answers over HTTP with nothing but id, name and role', async () => {
    const { practice, team } = await practiceWithTeam('C');
    await expect(
      app.caller({ staffSessionToken: team.auditor.token }).auth.staff.clinicians(),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.caller().auth.staff.clinicians()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });

    const base = await app.listen();
    const res = await fetch(`${base}/trpc/auth.staff.clinicians`, {
      headers: { cookie: `tcrm_staff=${team.front_desk.token}`, origin: base },
    });
    expect(res.status).toBe(200);
    const raw = await res.text();
    const list = (JSON.parse(raw) as { result: { data: Record<string, unknown>[] } }).result.data;
    expect(list).toHaveLength(3);
    for (const c of list) expect(Object.keys(c).sort()).toEqual(['displayName', 'id', 'role']);
    const emails = await app.services.prisma.staffUser.findMany({
      where: { memberships: { some: { practiceId: practice.practiceId } } },
      select: { email: true },
    });
    for (const { email } of emails) expect(raw).not.toContain(email);
    expect(raw).not.toMatch(/mfa|failedSignIns|disabled/i);
  });
});
