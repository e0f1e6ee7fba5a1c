// The demo practice's "New client" intake, published at seed time so the
// example site's new-client page works on a fresh `start`. It exercises every
// part of the widget a real practice uses: several pages, prefill keys (so
// the submission can name the client), conditional questions, a PHQ-2-style
// matrix with a crisis note, an optional insurance card and a signature.
import type { FormDefinition } from '@therapycrm/plugin-sdk';
import type { AppServices } from '../../services.js';
import { parseDefinition } from './form-definition.js';

export const DEMO_FORM_KEY = 'new-client-intake';

const phqScale = [
  { value: 0, label: { en: 'Not at all', es: 'Nunca' } },
  { value: 1, label: { en: 'Several days', es: 'Varios días' } },
  { value: 2, label: { en: 'More than half the days', es: 'Más de la mitad de los días' } },
  { value: 3, label: { en: 'Nearly every day', es: 'Casi todos los días' } },
];

export const newClientIntake: Omit<FormDefinition, 'version'> = {
  title: { en: 'New client intake', es: 'Admisión de cliente nuevo' },
  description: {
    en: 'About 5 minutes. Your answers go only to your clinician, encrypted.',
    es: 'Unos 5 minutos. Sus respuestas solo llegan a su terapeuta, cifradas.',
  },
  pages: [
    {
      id: 'contact',
      title: { en: 'Contact details', es: 'Datos de contacto' },
      items: [
        {
          type: 'text',
          id: 'first_name',
          label: { en: 'First name', es: 'Nombre' },
          required: true,
          prefillKey: 'client.firstName',
          maxLength: 100,
        },
        {
          type: 'text',
          id: 'last_name',
          label: { en: 'Last name', es: 'Apellido' },
          required: true,
          prefillKey: 'client.lastName',
          maxLength: 100,
        },
        {
          type: 'text',
          id: 'pronouns',
          label: { en: 'Pronouns (optional)', es: 'Pronombres (opcional)' },
          prefillKey: 'client.pronouns',
          maxLength: 40,
        },
        {
          type: 'email',
          id: 'email',
          label: { en: 'E-mail', es: 'Correo electrónico' },
          required: true,
          prefillKey: 'client.email',
        },
        {
          type: 'phone',
          id: 'phone',
          label: { en: 'Phone', es: 'Teléfono' },
          prefillKey: 'client.phone',
        },
        {
          type: 'date',
          id: 'date_of_birth',
          label: { en: 'Date of birth', es: 'Fecha de nacimiento' },
          required: true,
          minDate: '1900-01-01',
          maxDate: 'today',
          prefillKey: 'client.dateOfBirth',
        },
        {
          type: 'address',
          id: 'home_address',
          label: { en: 'Home address', es: 'Domicilio' },
          countries: ['US'],
          requireRegion: true,
        },
        {
          type: 'yes_no',
          id: 'voicemail_ok',
          label: { en: 'May we leave a voicemail?', es: '¿Podemos dejarle un mensaje de voz?' },
        },
      ],
    },
    {
      id: 'reason',
      title: { en: 'Reason for your visit', es: 'Motivo de su consulta' },
      items: [
        {
          type: 'multi_choice',
          id: 'concerns',
          label: { en: 'What brings you to therapy?', es: '¿Qué le trae a terapia?' },
          description: { en: 'Choose up to three.', es: 'Elija hasta tres.' },
          required: true,
          maxSelected: 3,
          options: [
            { value: 'anxiety', label: { en: 'Anxiety or worry', es: 'Ansiedad o preocupación' } },
            { value: 'mood', label: { en: 'Low mood', es: 'Ánimo bajo' } },
            { value: 'relationships', label: { en: 'Relationships', es: 'Relaciones' } },
            { value: 'grief', label: { en: 'Grief or loss', es: 'Duelo o pérdida' } },
            { value: 'other', label: { en: 'Something else', es: 'Otra cosa' } },
          ],
        },
        {
          type: 'text',
          id: 'concerns_other',
          label: { en: 'Tell us a little more', es: 'Cuéntenos un poco más' },
          visibleWhen: { field: 'concerns', op: 'includes', value: 'other' },
          requiredWhen: { field: 'concerns', op: 'includes', value: 'other' },
          maxLength: 200,
        },
        {
          type: 'yes_no',
          id: 'seen_before',
          label: { en: 'Have you seen a therapist before?', es: '¿Ha visto a un terapeuta antes?' },
          required: true,
        },
        {
          type: 'long_text',
          id: 'previous_therapy',
          label: { en: 'What helped, and what did not?', es: '¿Qué le ayudó y qué no?' },
          visibleWhen: { field: 'seen_before', op: 'eq', value: true },
          maxLength: 2000,
        },
        {
          type: 'long_text',
          id: 'goals',
          label: {
            en: 'What would you like to be different?',
            es: '¿Qué le gustaría que cambiara?',
          },
          maxLength: 2000,
        },
        {
          type: 'single_choice',
          id: 'modality',
          label: { en: 'How would you like to meet?', es: '¿Cómo prefiere reunirse?' },
          options: [
            { value: 'in_person', label: { en: 'In person', es: 'En persona' } },
            { value: 'telehealth', label: { en: 'Video', es: 'Por video' } },
            { value: 'either', label: { en: 'Either', es: 'Cualquiera' } },
          ],
        },
      ],
    },
    {
      id: 'wellbeing',
      title: { en: 'How you have been feeling', es: 'Cómo se ha sentido' },
      items: [
        {
          type: 'likert',
          id: 'phq2',
          label: {
            en: 'Over the last 2 weeks, how often have you been bothered by…',
            es: 'En las últimas 2 semanas, ¿con qué frecuencia le ha molestado…',
          },
          required: true,
          rows: [
            {
              id: 'interest',
              label: {
                en: 'Little interest or pleasure in doing things',
                es: 'Poco interés o placer en hacer cosas',
              },
            },
            {
              id: 'down',
              label: {
                en: 'Feeling down, depressed or hopeless',
                es: 'Sentirse decaído, deprimido o sin esperanza',
              },
            },
          ],
          scale: phqScale,
        },
        {
          type: 'static_text',
          id: 'support_note',
          text: {
            en: 'Thank you for telling us. If you are in crisis or thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline) any time, or call 911.',
            es: 'Gracias por contárnoslo. Si está en crisis o piensa en hacerse daño, llame o envíe un mensaje al 988 en cualquier momento, o llame al 911.',
          },
          visibleWhen: { field: 'phq2', row: 'down', op: 'gte', value: 2 },
        },
        {
          type: 'number',
          id: 'sleep_hours',
          label: {
            en: 'Hours of sleep on a typical night',
            es: 'Horas de sueño en una noche típica',
          },
          min: 0,
          max: 24,
        },
      ],
    },
    {
      id: 'consent',
      title: { en: 'Insurance and consent', es: 'Seguro y consentimiento' },
      items: [
        {
          type: 'yes_no',
          id: 'use_insurance',
          label: { en: 'Will you use health insurance?', es: '¿Usará un seguro médico?' },
          required: true,
        },
        {
          type: 'file_upload',
          id: 'insurance_card',
          label: {
            en: 'Photo of your insurance card (optional)',
            es: 'Foto de su tarjeta de seguro (opcional)',
          },
          description: { en: 'An image or PDF up to 5 MB.', es: 'Una imagen o PDF de hasta 5 MB.' },
          accept: ['image/*', 'application/pdf'],
          maxBytes: 5_000_000,
          maxFiles: 2,
          visibleWhen: { field: 'use_insurance', op: 'eq', value: true },
        },
        {
          type: 'section',
          id: 'consent_section',
          title: { en: 'Consent to treatment', es: 'Consentimiento para el tratamiento' },
        },
        {
          type: 'static_text',
          id: 'consent_text',
          text: {
            en: 'I consent to assessment and treatment at Harbor Light Counseling. I understand what I share is confidential except where the law requires otherwise (for example, a risk of serious harm).\n\nI can withdraw this consent at any time.',
            es: 'Doy mi consentimiento para la evaluación y el tratamiento en Harbor Light Counseling. Entiendo que lo que comparto es confidencial salvo cuando la ley exige lo contrario (por ejemplo, un riesgo de daño grave).\n\nPuedo retirar este consentimiento en cualquier momento.',
          },
        },
        {
          type: 'signature',
          id: 'signature',
          label: { en: 'Your signature', es: 'Su firma' },
          required: true,
        },
      ],
    },
  ],
};

/**
 * Creates and publishes a form for a seeded practice, bypassing the staff
 * procedures (there is no session at seed time) but checking the definition
 * with the same schema. Returns the ids; does nothing if the key exists.
 */
export async function publishSeedForm(
  services: AppServices,
  practiceId: string,
  createdById: string,
  form: { key: string; title: string; definition: unknown },
): Promise<{ formId: string; versionId: string } | null> {
  const { prisma } = services;
  if (
    await prisma.intakeForm.findFirst({
      where: { practiceId, key: form.key },
      select: { id: true },
    })
  )
    return null;
  const definition = parseDefinition(form.definition, form.key, 1) as object;
  return prisma.$transaction(async (tx) => {
    const created = await tx.intakeForm.create({
      data: { practiceId, key: form.key, title: form.title },
      select: { id: true },
    });
    const version = await tx.intakeFormVersion.create({
      data: {
        formId: created.id,
        version: 1,
        definition,
        createdById,
        publishedAt: services.clock.now(),
      },
      select: { id: true },
    });
    await tx.intakeForm.update({
      where: { id: created.id },
      data: { status: 'published', currentVersionId: version.id },
      select: { id: true },
    });
    return { formId: created.id, versionId: version.id };
  });
}

/** Publishes {@link newClientIntake} for the demo practice. */
export function seedDemoIntakeForm(services: AppServices, practiceId: string, ownerId: string) {
  return publishSeedForm(services, practiceId, ownerId, {
    key: DEMO_FORM_KEY,
    title: 'New client intake',
    definition: newClientIntake,
  });
}
