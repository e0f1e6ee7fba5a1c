import { css } from 'lit';
import { token } from '../theme/tokens.js';

/**
 * Shared by every field. Logical properties only (block/inline, start/end)
 * so right-to-left locales mirror without extra rules. Text colours inherit
 * from the provider (or the page); tokens fall back to the light theme.
 */
export const fieldStyles = css`
  :host {
    display: block;
    margin-block-end: calc(${token('spacingUnit')} * 5);
    font-family: ${token('fontFamily')};
  }
  :host([hidden]) {
    display: none;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(${token('spacingUnit')} * 1.5);
  }
  .label {
    font-weight: 600;
  }
  .required {
    color: ${token('colorDanger')};
  }
  .description {
    color: ${token('colorTextSecondary')};
    font-size: 0.875em;
  }
  .error:empty {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .error {
    color: ${token('colorDanger')};
    font-size: 0.875em;
    font-weight: 600;
  }
  input:not([type='radio'], [type='checkbox']),
  textarea,
  select {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75em; /* WCAG 2.5.8 target size, comfortably */
    padding-block: calc(${token('spacingUnit')} * 2);
    padding-inline: calc(${token('spacingUnit')} * 3);
    font: inherit;
    color: inherit;
    background-color: ${token('colorSurface')};
    border: 1px solid ${token('colorBorder')};
    border-radius: ${token('borderRadius')};
  }
  input[type='radio'],
  input[type='checkbox'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: ${token('colorPrimary')};
  }
  :focus-visible {
    outline: ${token('focusRingWidth')} solid ${token('colorFocus')};
    outline-offset: 2px;
  }
  [aria-invalid='true']:not([role]),
  [aria-invalid='true'] input:not([type='radio'], [type='checkbox']) {
    border-color: ${token('colorDanger')};
  }
  :disabled,
  .disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button {
    font: inherit;
    min-block-size: 2.75em;
    padding-inline: calc(${token('spacingUnit')} * 3);
    border-radius: ${token('borderRadius')};
    border: 1px solid ${token('colorBorder')};
    background: ${token('colorSurface')};
    color: inherit;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: ${token('colorPrimary')};
    color: ${token('colorOnPrimary')};
    border-color: ${token('colorPrimary')};
  }
`;
