import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Fields/Signature', component: 'tcrm-signature' };
export default meta;

const base: StoryObj = {
  render: () =>
    html`<tcrm-signature
      name="signature"
      label="Signature"
      description="Draw, or choose Type to sign with the keyboard."
      required
    ></tcrm-signature>`,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
