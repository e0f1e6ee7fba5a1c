import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define.js';

/** Wraps every story in a provider with the toolbar's theme and locale. */
const withProvider: Decorator = (story, context) => {
  const theme = String(context.globals['theme'] ?? 'light');
  const locale = String(context.globals['locale'] ?? 'en');
  return html`<tcrm-provider
    style="padding: 1.5rem"
    locale=${locale}
    appearance=${JSON.stringify({ theme })}
  >
    <form @submit=${(e: Event) => e.preventDefault()}>${story()}</form>
  </tcrm-provider>`;
};

const preview: Preview = {
  decorators: [withProvider],
  globalTypes: {
    theme: {
      description: 'Theme',
      toolbar: { icon: 'mirror', items: ['light', 'dark', 'auto'], dynamicTitle: true },
    },
    locale: {
      description: 'Locale',
      toolbar: {
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'ar', title: 'Arabic (RTL)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: { layout: 'fullscreen' },
};

export default preview;
