import { css } from 'lit';
import { token } from '../theme/tokens.js';

/**
 * Shared by every console view: the widgets' tokens (so a practice's
 * branding and dark theme apply here too), logical properties only (RTL),
 * visible focus, and 44px targets for controls.
 */
export const consoleStyles = css`
  :host {
    display: block;
    font-family: ${token('fontFamily')};
    color: ${token('colorText')};
  }
  h1:focus,
  h2:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  h1:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: ${token('focusRingWidth')} solid ${token('colorFocus')};
    outline-offset: 2px;
  }
  a {
    color: ${token('colorPrimary')};
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: ${token('focusRingWidth')} solid ${token('colorFocus')};
    outline-offset: 2px;
  }
  button,
  .button {
    min-block-size: 44px;
    padding-inline: calc(${token('spacingUnit')} * 4);
    border-radius: ${token('borderRadius')};
    border: 1px solid ${token('colorPrimary')};
    background: ${token('colorPrimary')};
    color: ${token('colorOnPrimary')};
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: ${token('colorPrimary')};
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: calc(${token('spacingUnit')} * 1);
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    min-block-size: 44px;
    inline-size: 100%;
    max-inline-size: 40rem;
    padding: calc(${token('spacingUnit')} * 2);
    border: 1px solid ${token('colorBorder')};
    border-radius: ${token('borderRadius')};
    background: ${token('colorSurface')};
    color: inherit;
    font: inherit;
  }
  textarea {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
  }
  .row {
    margin-block-end: calc(${token('spacingUnit')} * 4);
  }
  .hint {
    color: ${token('colorTextSecondary')};
    font-size: 0.875em;
    margin-block: 0 calc(${token('spacingUnit')} * 1);
  }
  .error {
    color: ${token('colorDanger')};
    font-weight: 600;
  }
  .error:empty {
    display: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(${token('spacingUnit')} * 2);
    margin-block: calc(${token('spacingUnit')} * 4);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    color: ${token('colorTextSecondary')};
    padding-block-end: calc(${token('spacingUnit')} * 2);
  }
  th,
  td {
    text-align: start;
    padding: calc(${token('spacingUnit')} * 2);
    border-block-end: 1px solid ${token('colorBorder')};
    vertical-align: top;
  }
  code,
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .badge {
    display: inline-block;
    padding-inline: calc(${token('spacingUnit')} * 2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
  }
`;
