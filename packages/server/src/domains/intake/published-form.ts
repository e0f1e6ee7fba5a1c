// What a widget may load: the current published version of a live form.
import type { FormDefinition } from '@therapycrm/plugin-sdk';
import { notFound } from '../../errors.js';
import type { Db } from '../../db/client.js';
import { storedDefinition } from './form-definition.js';

export interface PublishedForm {
  formId: string;
  formKey: string;
  formVersionId: string;
  version: number;
  definition: FormDefinition;
}

export async function findPublishedForm(db: Db, practiceId: string, formKey: string): Promise<PublishedForm> {
  const form = await db.intakeForm.findFirst({
    where: { practiceId, key: formKey, status: 'published' },
    select: { id: true, key: true, currentVersion: { select: { id: true, version: true, definition: true } } },
  });
  if (!form?.currentVersion) throw notFound('Form');
  const v = form.currentVersion;
  return { formId: form.id, formKey: form.key, formVersionId: v.id, version: v.version, definition: storedDefinition(v.definition) };
}

/**
 * A version a client may still answer: published, of a form of this practice
 * that is not archived (a newer published version does not invalidate it, so
 * a client mid-way through keeps the questions they were shown).
 */
export async function findAnswerableVersion(db: Db, practiceId: string, formVersionId: string) {
  const version = await db.intakeFormVersion.findFirst({
    where: { id: formVersionId, publishedAt: { not: null }, form: { practiceId, status: { not: 'archived' } } },
    select: { id: true, version: true, definition: true, form: { select: { id: true, key: true } } },
  });
  if (!version) throw notFound('Form');
  return { formId: version.form.id, formKey: version.form.key, formVersionId: version.id, version: version.version, definition: storedDefinition(version.definition) };
}
