import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Fields/Likert', component: 'tcrm-likert' };
export default meta;

const rows = [
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
      en: 'Feeling down, depressed, or hopeless',
      es: 'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
    },
  },
];
const scale = [
  { value: '0', label: { en: 'Not at all', es: 'Ningún día' } },
  { value: '1', label: { en: 'Several days', es: 'Varios días' } },
  { value: '2', label: { en: 'More than half the days', es: 'Más de la mitad de los días' } },
  { value: '3', label: { en: 'Nearly every day', es: 'Casi todos los días' } },
];

const base: StoryObj = {
  render: () =>
    html`<tcrm-likert
      name="phq"
      label="Over the last 2 weeks, how often have you been bothered by…"
      required
      .rows=${rows}
      .scale=${scale}
    ></tcrm-likert>`,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
