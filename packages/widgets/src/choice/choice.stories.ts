import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Fields/Choice', component: 'tcrm-choice' };
export default meta;

const contact = [
  { value: 'email', label: { en: 'E-mail', es: 'Correo electrónico' } },
  { value: 'phone', label: { en: 'Phone', es: 'Teléfono' } },
  { value: 'text', label: { en: 'Text message', es: 'Mensaje de texto' } },
];
const concerns = [
  { value: 'anxiety', label: { en: 'Anxiety', es: 'Ansiedad' } },
  { value: 'mood', label: { en: 'Low mood', es: 'Ánimo bajo' } },
  { value: 'sleep', label: { en: 'Sleep', es: 'Sueño' } },
  { value: 'none', label: { en: 'None of these', es: 'Ninguna' }, exclusive: true },
];

const base: StoryObj = {
  render: () => html`
    <tcrm-choice
      name="contact"
      label="Preferred contact"
      .options=${contact}
      required
    ></tcrm-choice>
    <tcrm-choice
      name="concerns"
      label="What would you like help with?"
      multiple
      max-selected="3"
      .options=${concerns}
    ></tcrm-choice>
  `,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
