// Staff management of intake forms. A form has numbered versions; at most one
// unpublished "working" version is edited in place, and publishing freezes it
// (a database trigger refuses changes to published versions).
import type { z } from 'zod';
import { DomainError, notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import type { StaffContext } from './contexts.js';
import { parseDefinition } from './form-definition.js';
import type { createFormInput, formIdInput, publishFormInput, saveFormVersionInput } from './forms.schema.js';

const versionSummary = { id: true, version: true, publishedAt: true, createdAt: true } as const;

async function formInPractice(ctx: StaffContext, formId: string) {
  const form = await ctx.db.intakeForm.findFirst({
    where: { id: formId, practiceId: ctx.staff.practiceId },
    select: { id: true, key: true, title: true, status: true, currentVersionId: true },
  });
  if (!form) throw notFound('Form');
  return form;
}

async function latestVersion(ctx: StaffContext, formId: string) {
  return ctx.db.intakeFormVersion.findFirst({ where: { formId }, orderBy: { version: 'desc' }, select: versionSummary });
}

export async function listForms(ctx: StaffContext) {
  const forms = await ctx.db.intakeForm.findMany({
    where: { practiceId: ctx.staff.practiceId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      key: true,
      title: true,
      status: true,
      updatedAt: true,
      currentVersion: { select: versionSummary },
      versions: { orderBy: { version: 'desc' }, take: 1, select: versionSummary },
    },
  });
  return forms.map(({ versions, ...form }) => ({ ...form, latestVersion: versions[0] ?? null }));
}

export async function getForm(ctx: StaffContext, input: z.infer<typeof formIdInput>) {
  const form = await formInPractice(ctx, input.formId);
  const versions = await ctx.db.intakeFormVersion.findMany({
    where: { formId: form.id },
    orderBy: { version: 'desc' },
    select: { ...versionSummary, definition: true },
  });
  const [latest] = versions;
  return {
    ...form,
    versions: versions.map(({ definition: _definition, ...summary }) => summary),
    latestDefinition: latest?.definition ?? null,
  };
}

export async function createForm(ctx: StaffContext, input: z.infer<typeof createFormInput>) {
  const practiceId = ctx.staff.practiceId;
  const definition = parseDefinition(input.definition, input.key, 1);
  const taken = await ctx.db.intakeForm.findFirst({ where: { practiceId, key: input.key }, select: { id: true } });
  if (taken) throw new DomainError('CONFLICT', 'A form with this key already exists', { field: 'key' });
  const created = await ctx.db.$transaction(async (tx) => {
    const form = await tx.intakeForm.create({ data: { practiceId, key: input.key, title: input.title }, select: { id: true } });
    const version = await tx.intakeFormVersion.create({
      data: { formId: form.id, version: 1, definition: definition as object, createdById: ctx.staff.userId },
      select: { id: true, version: true },
    });
    return { formId: form.id, versionId: version.id, version: version.version };
  });
  await audit(ctx, practiceId, { action: 'intake_form.create', objectType: 'IntakeForm', objectId: created.formId });
  return created;
}

export async function saveFormVersion(ctx: StaffContext, input: z.infer<typeof saveFormVersionInput>) {
  const form = await formInPractice(ctx, input.formId);
  if (form.status === 'archived') throw new DomainError('PRECONDITION_FAILED', 'This form is archived');
  const latest = await latestVersion(ctx, form.id);
  // Edit the working version in place; once published, start the next one.
  const working = latest && latest.publishedAt === null ? latest : null;
  const number = working ? working.version : (latest?.version ?? 0) + 1;
  const definition = parseDefinition(input.definition, form.key, number) as object;
  const saved = await ctx.db.$transaction(async (tx) => {
    const version = working
      ? await tx.intakeFormVersion.update({ where: { id: working.id }, data: { definition, createdById: ctx.staff.userId }, select: { id: true, version: true } })
      : await tx.intakeFormVersion.create({ data: { formId: form.id, version: number, definition, createdById: ctx.staff.userId }, select: { id: true, version: true } });
    if (input.title !== undefined) await tx.intakeForm.update({ where: { id: form.id }, data: { title: input.title }, select: { id: true } });
    return version;
  });
  await audit(ctx, ctx.staff.practiceId, {
    action: 'intake_form.save_version',
    objectType: 'IntakeForm',
    objectId: form.id,
    detail: { versionId: saved.id, version: saved.version },
  });
  return { formId: form.id, versionId: saved.id, version: saved.version };
}

export async function publishForm(ctx: StaffContext, input: z.infer<typeof publishFormInput>) {
  const form = await formInPractice(ctx, input.formId);
  const target = input.versionId
    ? await ctx.db.intakeFormVersion.findFirst({ where: { id: input.versionId, formId: form.id }, select: versionSummary })
    : await latestVersion(ctx, form.id);
  if (!target) throw notFound('Form version');
  const publishedAt = target.publishedAt ?? ctx.services.clock.now();
  await ctx.db.$transaction(async (tx) => {
    // Publishing an older, already published version is a rollback: allowed, nothing changes in it.
    if (target.publishedAt === null) {
      await tx.intakeFormVersion.update({ where: { id: target.id }, data: { publishedAt }, select: { id: true } });
    }
    await tx.intakeForm.update({ where: { id: form.id }, data: { status: 'published', currentVersionId: target.id }, select: { id: true } });
  });
  await audit(ctx, ctx.staff.practiceId, {
    action: 'intake_form.publish',
    objectType: 'IntakeForm',
    objectId: form.id,
    detail: { versionId: target.id, version: target.version },
  });
  return { formId: form.id, versionId: target.id, version: target.version, publishedAt };
}

export async function archiveForm(ctx: StaffContext, input: z.infer<typeof formIdInput>) {
  const form = await formInPractice(ctx, input.formId);
  await ctx.db.intakeForm.update({ where: { id: form.id }, data: { status: 'archived' }, select: { id: true } });
  await audit(ctx, ctx.staff.practiceId, { action: 'intake_form.archive', objectType: 'IntakeForm', objectId: form.id });
  return { formId: form.id, status: 'archived' as const };
}
