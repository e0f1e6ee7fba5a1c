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

export async function findPublishedForm(
  db: Db,
  practiceId: string,
  formKey: string,
): Promise<PublishedForm> {
  const form = await db.intakeForm.findFirst({
    where: { practiceId, key: formKey, status: 'published' },
    select: {
      id: true,
      key: true,
      currentVersion: { select: { id: true, version: true, definition: true } },
    },
  });
  if (!form?.currentVersion) throw notFound('Form');
  const v = form.currentVersion;
  return {
    formId: form.id,
    formKey: form.key,
    formVersionId: v.id,
    version: v.version,
    definition: storedDefinition(v.definition),
  };
}

/**
 * Published definitions by version id. A published version is never edited
 * (saveVersion starts a new one), so its definition can be kept instead of
 * re-read and re-parsed on every submit; whether it may still be answered is
 * checked against the database every time. Bounded: cleared when full.
 */
const publishedDefinitions = new Map<string, FormDefinition>();
const MAX_CACHED_DEFINITIONS = 500;

/**
 * A version a client may still answer: published, of a form of this practice
 * that is not archived (a newer published version does not invalidate it, so
 * a client mid-way through keeps the questions they were shown). One query:
 * the form is filtered on in the same statement, not loaded as a relation.
 */
export async function findAnswerableVersion(db: Db, practiceId: string, formVersionId: string) {
  const cached = publishedDefinitions.get(formVersionId);
  const version = await db.intakeFormVersion.findFirst({
    where: {
      id: formVersionId,
      publishedAt: { not: null },
      form: { practiceId, status: { not: 'archived' } },
    },
    select: { id: true, version: true, formId: true, ...(cached ? {} : { definition: true }) },
  });
  if (!version) throw notFound('Form');
  let definition = cached;
  if (!definition) {
    definition = storedDefinition((version as { definition?: unknown }).definition);
    if (publishedDefinitions.size >= MAX_CACHED_DEFINITIONS) publishedDefinitions.clear();
    publishedDefinitions.set(formVersionId, definition);
  }
  return {
    formId: version.formId,
    formVersionId: version.id,
    version: version.version,
    definition,
  };
}
