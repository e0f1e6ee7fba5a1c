import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Fields/Address', component: 'tcrm-address' };
export default meta;

const base: StoryObj = {
  render: () =>
    html`<tcrm-address
      name="home"
      label="Home address"
      require-region
      .countries=${['US', 'MX', 'CA']}
    ></tcrm-address>`,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
