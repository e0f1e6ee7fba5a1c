import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';

const meta: Meta = { title: 'Provider', component: 'tcrm-provider' };
export default meta;

/**
 * Every story already runs inside a provider (see the toolbar); this one
 * shows a nested provider overriding `appearance.variables`, Stripe-style.
 */
const base: StoryObj = {
  render: () =>
    html`<tcrm-provider
      appearance=${JSON.stringify({ theme: 'light', variables: { colorPrimary: '#0b6e4f', borderRadius: '12px', fontFamily: 'Georgia, serif' } })}
    >
      <tcrm-text-field
        label="Preferred name"
        description="What should we call you?"
      ></tcrm-text-field>
      <tcrm-yes-no label="May we leave a voicemail?"></tcrm-yes-no>
    </tcrm-provider>`,
};
export const Light: StoryObj = { ...base, globals: LIGHT };
export const Dark: StoryObj = { ...base, globals: DARK };
export const Rtl: StoryObj = { ...base, globals: RTL };
export const Spanish: StoryObj = { ...base, globals: SPANISH };
