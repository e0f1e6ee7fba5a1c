import type { FormDefinition } from './definition.js';

const scale = [
  { value: 0, label: { en: 'Not at all', es: 'Nunca' } },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

/** A realistic two-page intake used by the tests (not exported from the package). */
export const intakeForm: FormDefinition = {
  id: 'adult-intake',
  version: 3,
  title: { en: 'New client intake', es: 'Admisión de cliente nuevo' },
  pages: [
    {
      id: 'about-you',
      title: 'About you',
      items: [
        { type: 'section', id: 'contact', title: 'Contact details' },
        {
          type: 'text',
          id: 'first_name',
          label: 'First name',
          required: true,
          prefillKey: 'client.firstName',
          maxLength: 80,
        },
        { type: 'email', id: 'email', label: 'E-mail', required: true, prefillKey: 'client.email' },
        { type: 'phone', id: 'phone', label: 'Phone', prefillKey: 'client.phone' },
        {
          type: 'date',
          id: 'date_of_birth',
          label: 'Date of birth',
          required: true,
          maxDate: 'today',
          minDate: '1900-01-01',
        },
        { type: 'address', id: 'home_address', label: 'Home address', countries: ['US', 'CA'] },
        {
          type: 'single_choice',
          id: 'referral',
          label: 'How did you hear about us?',
          options: [
            { value: 'doctor', label: 'My doctor' },
            { value: 'web', label: 'Web search' },
            { value: 'other', label: 'Other' },
          ],
        },
        {
          type: 'text',
          id: 'referral_other',
          label: 'Please tell us more',
          visibleWhen: { field: 'referral', op: 'eq', value: 'other' },
          requiredWhen: { field: 'referral', op: 'eq', value: 'other' },
        },
      ],
    },
    {
      id: 'history',
      items: [
        { type: 'yes_no', id: 'seen_before', label: 'Have you seen a therapist before?' },
        {
          type: 'text',
          id: 'previous_therapist',
          label: 'Previous therapist',
          visibleWhen: { field: 'seen_before', op: 'eq', value: true },
        },
        {
          type: 'multi_choice',
          id: 'concerns',
          label: 'What brings you here?',
          minSelected: 1,
          maxSelected: 3,
          options: [
            { value: 'anxiety', label: 'Anxiety' },
            { value: 'mood', label: 'Low mood' },
            { value: 'sleep', label: 'Sleep' },
            { value: 'grief', label: 'Grief' },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        },
        {
          type: 'number',
          id: 'sleep_hours',
          label: 'Hours of sleep',
          min: 0,
          max: 24,
          visibleWhen: { field: 'concerns', op: 'includes', value: 'sleep' },
        },
        {
          type: 'long_text',
          id: 'sleep_notes',
          label: 'Tell us about your sleep',
          visibleWhen: { field: 'sleep_hours', op: 'lt', value: 6 },
        },
        {
          type: 'likert',
          id: 'phq9',
          label: 'Over the last 2 weeks, how often have you been bothered by…',
          rows: Array.from({ length: 9 }, (_, i) => ({
            id: `item${i + 1}`,
            label: `Item ${i + 1}`,
          })),
          scale,
          required: true,
        },
        {
          type: 'static_text',
          id: 'crisis_note',
          text: 'If you are in crisis, call or text 988.',
          visibleWhen: { field: 'phq9', row: 'item9', op: 'gt', value: 0 },
        },
        {
          type: 'long_text',
          id: 'safety_notes',
          label: 'Anything you want your clinician to know?',
          visibleWhen: { field: 'phq9', row: 'item9', op: 'gt', value: 0 },
        },
        {
          type: 'file_upload',
          id: 'insurance_card',
          label: 'Insurance card',
          accept: ['image/*', 'application/pdf'],
          maxBytes: 5_000_000,
          maxFiles: 2,
        },
        { type: 'signature', id: 'signature', label: 'Signature', required: true },
      ],
    },
  ],
};

/** A tiny valid PNG as a data URL. */
export const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Complete, valid answers to {@link intakeForm}. */
export const validIntakeAnswers = {
  first_name: 'Ada',
  email: 'ada@example.org',
  date_of_birth: '1990-05-17',
  seen_before: false,
  concerns: ['anxiety'],
  phq9: {
    item1: 1,
    item2: 0,
    item3: 2,
    item4: 1,
    item5: 0,
    item6: 0,
    item7: 1,
    item8: 0,
    item9: 0,
  },
  signature: { dataUrl: PNG_DATA_URL },
};
