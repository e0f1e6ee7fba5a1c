import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Fields/Yes or no', component: 'tcrm-yes-no' };
export default meta;

const base: StoryObj = {
  render: () =>
    html`<tcrm-yes-no
      name="prior"
      label="Have you been in therapy before?"
      required
    ></tcrm-yes-no>`,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
