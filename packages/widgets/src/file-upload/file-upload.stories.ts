import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Fields/File upload', component: 'tcrm-file-upload' };
export default meta;

const base: StoryObj = {
  render: () =>
    html`<tcrm-file-upload
      name="referral"
      label="Referral letter"
      description="PDF or image, up to 5 MB."
      accept="application/pdf,image/*"
      max-bytes="5000000"
    ></tcrm-file-upload>`,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
