import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Fields/Text field', component: 'tcrm-text-field' };
export default meta;

const base: StoryObj = {
  render: () => html`
    <tcrm-text-field
      name="name"
      label="Full name"
      description="As on your insurance card"
      required
    ></tcrm-text-field>
    <tcrm-text-field
      name="email"
      type="email"
      label="E-mail"
      autocomplete="email"
      value="not-an-email"
    ></tcrm-text-field>
    <tcrm-text-field name="phone" type="tel" label="Phone" autocomplete="tel"></tcrm-text-field>
    <tcrm-text-field
      name="dob"
      type="date"
      label="Date of birth"
      max="2026-01-01"
    ></tcrm-text-field>
    <tcrm-text-field
      name="sessions"
      type="number"
      integer
      min="0"
      label="Sessions attended"
    ></tcrm-text-field>
  `,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
