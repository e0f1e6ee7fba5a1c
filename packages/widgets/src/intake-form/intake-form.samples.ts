// Sample form definitions: published on the test server by the browser
// tests, and served to the Storybook stories.
import type { FormDefinition } from '@therapycrm/plugin-sdk/forms';

/** Three pages: names (for the submission's client), a conditional question, a signature. */
export const threePageForm: Omit<FormDefinition, 'version'> = {
  title: { en: 'Intake', es: 'Admisión' },
  pages: [
    {
      id: 'you',
      title: { en: 'About you', es: 'Sobre usted' },
      items: [
        {
          type: 'text',
          id: 'first_name',
          label: { en: 'First name', es: 'Nombre' },
          required: true,
          prefillKey: 'client.firstName',
        },
        {
          type: 'text',
          id: 'last_name',
          label: { en: 'Last name', es: 'Apellido' },
          required: true,
          prefillKey: 'client.lastName',
        },
        {
          type: 'email',
          id: 'email',
          label: { en: 'E-mail', es: 'Correo' },
          required: true,
          prefillKey: 'client.email',
        },
      ],
    },
    {
      id: 'visit',
      title: { en: 'Your visit', es: 'Su consulta' },
      items: [
        {
          type: 'yes_no',
          id: 'seen_before',
          label: { en: 'Seen a therapist before?', es: '¿Ha visto a un terapeuta?' },
          required: true,
        },
        {
          type: 'text',
          id: 'previous_therapist',
          label: { en: 'Who did you see?', es: '¿A quién vio?' },
          visibleWhen: { field: 'seen_before', op: 'eq', value: true },
          requiredWhen: { field: 'seen_before', op: 'eq', value: true },
        },
      ],
    },
    {
      id: 'sign',
      title: { en: 'Consent', es: 'Consentimiento' },
      items: [
        {
          type: 'static_text',
          id: 'consent',
          text: { en: 'I agree to treatment.', es: 'Acepto el tratamiento.' },
        },
        {
          type: 'signature',
          id: 'signature',
          label: { en: 'Signature', es: 'Firma' },
          required: true,
        },
      ],
    },
  ],
};

/** One page holding every item type. */
export const everyTypeForm: Omit<FormDefinition, 'version'> = {
  title: 'Every question type',
  pages: [
    {
      id: 'all',
      items: [
        { type: 'section', id: 'intro', title: 'Section heading', description: 'Section text' },
        { type: 'static_text', id: 'note', text: 'First paragraph.\n\nSecond paragraph.' },
        { type: 'text', id: 'text', label: 'Text' },
        { type: 'long_text', id: 'long_text', label: 'Long text' },
        { type: 'email', id: 'email', label: 'E-mail' },
        { type: 'phone', id: 'phone', label: 'Phone' },
        { type: 'date', id: 'date', label: 'Date', maxDate: 'today' },
        { type: 'number', id: 'number', label: 'Number', min: 0, max: 10 },
        {
          type: 'single_choice',
          id: 'single',
          label: 'Single',
          options: [
            { value: 1, label: 'One' },
            { value: 2, label: 'Two' },
          ],
        },
        {
          type: 'multi_choice',
          id: 'multi',
          label: 'Multi',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        { type: 'yes_no', id: 'yes_no', label: 'Yes or no' },
        {
          type: 'likert',
          id: 'likert',
          label: 'Likert',
          rows: [{ id: 'r1', label: 'Row one' }],
          scale: [
            { value: 0, label: 'Never' },
            { value: 1, label: 'Often' },
          ],
        },
        { type: 'address', id: 'address', label: 'Address', countries: ['US'] },
        { type: 'signature', id: 'signature', label: 'Signature' },
        {
          type: 'file_upload',
          id: 'file',
          label: 'File',
          accept: ['image/png', 'application/pdf'],
          maxBytes: 100_000,
        },
      ],
    },
  ],
};
