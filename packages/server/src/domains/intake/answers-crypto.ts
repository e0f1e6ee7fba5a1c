// Answers are PHI: stored only as one encrypted JSON document per draft or
// submission, under the practice's data key.
import type { FormAnswers } from '@therapycrm/plugin-sdk';
import type { AppServices } from '../../services.js';

export function encryptAnswers(services: AppServices, practiceId: string, answers: FormAnswers): Promise<string> {
  return services.cipher.encrypt(practiceId, JSON.stringify(answers));
}

export async function decryptAnswers(services: AppServices, practiceId: string, answersEnc: string | null): Promise<FormAnswers> {
  if (answersEnc === null) return {};
  return JSON.parse(await services.cipher.decrypt(practiceId, answersEnc)) as FormAnswers;
}
