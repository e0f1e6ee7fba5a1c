import { describe, expect, it } from 'vitest';
import { isPluginError } from '../errors.js';
import { definePlugin } from '../plugin.js';
import type { IntakeSubmissionRecord } from '../plugin-records.js';
import { phq9Form, phq9Plugin } from './phq9-plugin.fixture.js';
import { runPluginHandler } from './run-plugin-handler.js';
import { runScorer } from './run-scorer.js';

const matrix = (item9: number, rest = 1) =>
  Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`item${i + 1}`, i === 8 ? item9 : rest]));
const submission = (item9: number, rest = 1): IntakeSubmissionRecord => ({
  id: 'sub_1',
  clientId: 'cli_1',
  formId: 'phq9',
  formVersion: 1,
  submittedAt: '2026-11-28T10:00:00Z',
  answers: { phq9: matrix(item9, rest) },
});
const data = { submissionId: 'sub_1', clientId: 'cli_1', formId: 'phq9', formVersion: 1 };

describe('runPluginHandler', () => {
  it('records alerts, reads and logs of a run', async () => {
    const run = await runPluginHandler(phq9Plugin, 'intake.submitted', {
      data,
      fixtures: { submissions: [submission(2)] },
    });
    expect(run.alerts).toEqual([
      {
        code: 'phq9_item9',
        severity: 'critical',
        clientId: 'cli_1',
        submissionId: 'sub_1',
        params: { item9: 2 },
      },
    ]);
    expect(run.reads).toEqual([{ permission: 'intake:read', id: 'sub_1' }]);
    expect(run.logs).toEqual([
      { level: 'info', code: 'phq9_scored', fields: { submissionId: 'sub_1', score: 10 } },
    ]);
    expect(run.messages).toEqual([]);
    expect(run.event).toMatchObject({
      name: 'intake.submitted',
      practiceId: 'practice_test',
      data,
    });
  });

  it('parses configuration with the plugin schema, defaults included', async () => {
    const severe = { data, fixtures: { submissions: [submission(0, 3)] } };
    expect(
      (await runPluginHandler(phq9Plugin, 'intake.submitted', severe)).alerts.map((a) => a.code),
    ).toEqual(['phq9_severe']);
    const lenient = await runPluginHandler(phq9Plugin, 'intake.submitted', {
      ...severe,
      config: { severeThreshold: 27 },
    });
    expect(lenient.alerts).toEqual([]);
    await expect(
      runPluginHandler(phq9Plugin, 'intake.submitted', {
        ...severe,
        config: { severeThreshold: 99 },
      }),
    ).rejects.toSatisfy(
      (error) =>
        isPluginError(error, 'invalid_config') &&
        JSON.stringify(error.details) === '{"paths":["severeThreshold"]}',
    );
  });

  it('enforces grants at run time like the host', async () => {
    const run = runPluginHandler(phq9Plugin, 'intake.submitted', {
      data,
      grants: ['alerts:write'],
      fixtures: { submissions: [submission(2)] },
    });
    await expect(run).rejects.toSatisfy((error) => isPluginError(error, 'permission_denied'));
  });

  it('reports reads of records that do not exist', async () => {
    await expect(runPluginHandler(phq9Plugin, 'intake.submitted', { data })).rejects.toSatisfy(
      (error) => isPluginError(error, 'not_found'),
    );
  });

  it('lets handler errors reject the run', async () => {
    const failing = definePlugin({
      manifest: {
        id: 'failing',
        name: 'Failing',
        version: '0.1.0',
        events: ['client.created'],
        permissions: [],
      },
      handlers: {
        'client.created': () => {
          throw new Error('boom');
        },
      },
    });
    await expect(
      runPluginHandler(failing, 'client.created', { data: { clientId: 'cli_1', source: 'staff' } }),
    ).rejects.toThrow('boom');
  });

  it('records messages and appointment changes', async () => {
    const concierge = definePlugin({
      manifest: {
        id: 'org.example.concierge',
        name: 'Concierge',
        version: '2.0.0-beta.1',
        events: ['appointment.requested'],
        permissions: ['appointments:read', 'appointments:write', 'messages:send'],
      },
      handlers: {
        'appointment.requested': async (event, ctx) => {
          const appointment = await ctx.appointments.get(event.data.appointmentId);
          if (appointment.modality === 'telehealth')
            await ctx.appointments.approveRequest(appointment.id);
          else
            await ctx.appointments.declineRequest(appointment.id, { reasonCode: 'in_person_full' });
          const { messageId } = await ctx.messages.send({
            clientId: appointment.clientId,
            body: 'We received your request.',
          });
          ctx.log.info('sent', { messageId });
        },
      },
    });
    const appointment = {
      id: 'apt_1',
      clientId: 'cli_1',
      clinicianId: 'clin_1',
      appointmentTypeId: 'type_1',
      startsAt: '2026-12-01T15:00:00Z',
      endsAt: '2026-12-01T15:50:00Z',
      status: 'requested',
      modality: 'in_person',
    } as const;
    const run = await runPluginHandler(concierge, 'appointment.requested', {
      data: {
        appointmentId: 'apt_1',
        clientId: 'cli_1',
        clinicianId: 'clin_1',
        appointmentTypeId: 'type_1',
      },
      fixtures: { appointments: [appointment] },
    });
    expect(run.appointmentChanges).toEqual([
      { action: 'decline_request', appointmentId: 'apt_1', reasonCode: 'in_person_full' },
    ]);
    expect(run.messages).toEqual([{ clientId: 'cli_1', body: 'We received your request.' }]);
    expect(run.logs[0]?.fields).toEqual({ messageId: 'test_message_1' });
  });
});

describe('runScorer', () => {
  it('scores validated answers and flags item 9', async () => {
    expect(
      await runScorer(phq9Plugin, 'phq9', { definition: phq9Form, answers: { phq9: matrix(1) } }),
    ).toEqual({
      instrument: 'phq9',
      score: 9,
      maxScore: 27,
      flags: [{ alert: 'phq9_item9', severity: 'critical' }],
    });
    expect(
      await runScorer(phq9Plugin, 'phq9', {
        definition: phq9Form,
        answers: { phq9: matrix(0, 0) },
      }),
    ).toMatchObject({ score: 0, flags: [] });
  });

  it('refuses answers the server would refuse, and skips forms it does not apply to', async () => {
    await expect(
      runScorer(phq9Plugin, 'phq9', { definition: phq9Form, answers: { phq9: { item1: 1 } } }),
    ).rejects.toSatisfy((error) => isPluginError(error, 'invalid_answers'));
    const other = { ...phq9Form, id: 'gad7' };
    expect(
      await runScorer(phq9Plugin, 'phq9', { definition: other, answers: { phq9: matrix(1) } }),
    ).toBeNull();
    await expect(
      runScorer(phq9Plugin, 'gad7', { definition: phq9Form, answers: {} }),
    ).rejects.toSatisfy((error) => isPluginError(error, 'not_found'));
  });
});
