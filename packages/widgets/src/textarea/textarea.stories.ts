import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Fields/Textarea', component: 'tcrm-textarea' };
export default meta;

const base: StoryObj = {
  render: () =>
    html`<tcrm-textarea
      name="concerns"
      label="What brings you to therapy?"
      description="A few sentences are enough."
      maxlength="2000"
      required
    ></tcrm-textarea>`,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
