import { expect, html, waitUntil } from '@open-wc/testing';
import { installFakeApi, PROFILE } from '../testing/fake-api.js';
import { withBranding } from './branding.js';
import { axeViolations } from '../testing/axe.js';
import { render, settle } from '../testing/fixtures.js';
import type { TcrmProvider } from '../provider/provider.js';
import { DARK_TOKENS, LIGHT_TOKENS, tokenProperty } from './tokens.js';

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('theme tokens', () => {
  for (const [theme, tokens] of [
    ['light', LIGHT_TOKENS],
    ['dark', { ...LIGHT_TOKENS, ...DARK_TOKENS }],
  ] as const) {
    it(`${theme}: text ≥ 4.5:1 and borders/focus ≥ 3:1 on background and surface (WCAG 1.4.3, 1.4.11)`, () => {
      for (const bg of [tokens.colorBackground, tokens.colorSurface]) {
        for (const fg of [
          tokens.colorText,
          tokens.colorTextSecondary,
          tokens.colorDanger,
          tokens.colorPrimary,
        ]) {
          expect(contrast(fg, bg), `${fg} on ${bg}`).to.be.at.least(4.5);
        }
        for (const ui of [tokens.colorBorder, tokens.colorFocus])
          expect(contrast(ui, bg), `${ui} on ${bg}`).to.be.at.least(3);
      }
      expect(contrast(tokens.colorOnPrimary, tokens.colorPrimary)).to.be.at.least(4.5);
    });
  }

  it('names custom properties in kebab case', () => {
    expect(tokenProperty('colorTextSecondary')).to.equal('--tcrm-color-text-secondary');
  });

  it('axe sees into the fields’ shadow roots: a bad palette is reported', async () => {
    const el = await render<TcrmProvider>(
      html`<tcrm-provider appearance='{"variables":{"colorTextSecondary":"#c8c8c8"}}'
        ><tcrm-text-field label="Name" description="As on your insurance card"></tcrm-text-field
      ></tcrm-provider>`,
    );
    await settle(el);
    const violations = await axeViolations(el);
    expect(violations.join('\n')).to.contain('color-contrast');
  });

  it('auto follows prefers-color-scheme', async () => {
    const el = await render<TcrmProvider>(
      html`<tcrm-provider appearance='{"theme":"auto"}'></tcrm-provider>`,
    );
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(getComputedStyle(el).getPropertyValue('--tcrm-color-background').trim()).to.equal(
      dark ? '#111418' : '#ffffff',
    );
  });
});

describe('practice branding', () => {
  it('uses the brand colour as primary in the light theme when it keeps AA contrast', () => {
    expect(withBranding(undefined, { primaryColor: '#0b6e4f' })!.variables).to.deep.equal({
      colorPrimary: '#0b6e4f',
      colorFocus: '#0b6e4f',
      colorOnPrimary: '#ffffff',
    });
  });

  it('ignores a brand colour that would break contrast, or that the page overrides', () => {
    expect(withBranding(undefined, { primaryColor: '#ffd400' })).to.equal(undefined);
    const page = { variables: { colorPrimary: '#222222' } };
    expect(withBranding(page, { primaryColor: '#0b6e4f' })).to.equal(page);
    expect(withBranding({ theme: 'dark' }, { primaryColor: '#0b6e4f' })).to.deep.equal({
      theme: 'dark',
    });
    expect(withBranding(undefined, { primaryColor: 'red; background: url(x)' })).to.equal(
      undefined,
    );
  });

  it('a provider applies the branding from the practice profile', async () => {
    const api = installFakeApi(() => ({ ...PROFILE, branding: { primaryColor: '#0b6e4f' } }));
    try {
      const el = await render<TcrmProvider>(
        html`<tcrm-provider publishable-key="pk" api-url="http://api.test"></tcrm-provider>`,
      );
      const primary = () => getComputedStyle(el).getPropertyValue('--tcrm-color-primary').trim();
      await waitUntil(() => primary() === '#0b6e4f', `brand colour applied, got ${primary()}`);
    } finally {
      api.restore();
    }
  });
});
