import * as z from 'zod';
import type { FormAnswers } from '../forms/answers.js';
import type { FormDefinition } from '../forms/definition.js';
import { definePlugin } from '../plugin.js';

/** A PHQ-9 form: one Likert matrix of nine items scored 0–3. */
export const phq9Form: FormDefinition = {
  id: 'phq9',
  version: 1,
  title: 'PHQ-9',
  pages: [
    {
      id: 'phq9',
      items: [
        {
          type: 'likert',
          id: 'phq9',
          label:
            'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
          required: true,
          rows: Array.from({ length: 9 }, (_, i) => ({
            id: `item${i + 1}`,
            label: `Item ${i + 1}`,
          })),
          scale: [0, 1, 2, 3].map((value) => ({ value, label: String(value) })),
        },
      ],
    },
  ],
};

function phq9Items(answers: FormAnswers): number[] | null {
  const matrix = answers['phq9'];
  if (typeof matrix !== 'object' || matrix === null || Array.isArray(matrix)) return null;
  const items = Array.from(
    { length: 9 },
    (_, i) => (matrix as Readonly<Record<string, unknown>>)[`item${i + 1}`],
  );
  return items.every((item): item is number => typeof item === 'number') ? items : null;
}

/** The test double of examples/plugin-phq9: scores PHQ-9 and alerts on item 9. */
export const phq9Plugin = definePlugin({
  manifest: {
    id: 'org.therapycrm.phq9',
    name: 'PHQ-9 scoring',
    version: '1.0.0',
    events: ['intake.submitted'],
    permissions: ['intake:read', 'alerts:write'],
  },
  configSchema: z.object({ severeThreshold: z.number().int().min(0).max(27).default(20) }),
  scorers: {
    phq9: {
      appliesTo: (definition) => definition.id === 'phq9',
      score: ({ answers }) => {
        const items = phq9Items(answers);
        if (items === null) return null;
        const score = items.reduce((sum, item) => sum + item, 0);
        return {
          instrument: 'phq9',
          score,
          maxScore: 27,
          flags: (items[8] ?? 0) > 0 ? [{ alert: 'phq9_item9', severity: 'critical' }] : [],
        };
      },
    },
  },
  handlers: {
    'intake.submitted': async (event, ctx) => {
      if (event.data.formId !== 'phq9') return;
      const submission = await ctx.intake.getSubmission(event.data.submissionId);
      const items = phq9Items(submission.answers);
      if (items === null) return ctx.log.warn('phq9_incomplete', { submissionId: submission.id });
      const score = items.reduce((sum, item) => sum + item, 0);
      const about = { clientId: submission.clientId, submissionId: submission.id };
      if ((items[8] ?? 0) > 0)
        await ctx.alerts.raise({
          code: 'phq9_item9',
          severity: 'critical',
          ...about,
          params: { item9: items[8] ?? 0 },
        });
      if (score >= ctx.config.severeThreshold)
        await ctx.alerts.raise({
          code: 'phq9_severe',
          severity: 'warning',
          ...about,
          params: { score },
        });
      ctx.log.info('phq9_scored', { submissionId: submission.id, score });
    },
  },
});
