import { css } from 'lit';
import { token } from '../theme/tokens.js';

const space = (n: number) => css`calc(${token('spacingUnit')} * ${n})`;

/** Logical properties only, so right-to-left locales mirror without extra rules. */
export const bookingStyles = css`
  :host {
    display: block;
    max-inline-size: 48rem;
    font-family: ${token('fontFamily')};
    font-size: ${token('fontSizeBase')};
    color: ${token('colorText')};
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    margin-block: 0 ${space(3)};
    font-size: 1.5em;
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
    text-align: center;
    flex: 1;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  :focus-visible,
  [tabindex='-1']:focus-visible {
    outline: ${token('focusRingWidth')} solid ${token('colorFocus')};
    outline-offset: 2px;
  }
  .hint,
  .meta,
  .facts,
  .status {
    color: ${token('colorTextSecondary')};
  }
  .types {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${space(3)};
  }
  button.type {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: ${space(1)};
    inline-size: 100%;
    padding: ${space(4)};
    text-align: start;
  }
  .type .name {
    font-weight: 600;
    font-size: 1.1em;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    column-gap: ${space(2)};
    font-size: 0.925em;
  }
  .chosen {
    display: flex;
    flex-wrap: wrap;
    gap: ${space(3)};
    align-items: baseline;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: ${space(4)};
  }
  label {
    display: flex;
    flex-direction: column;
    font-weight: 600;
    gap: ${space(1)};
  }
  select {
    font: inherit;
    font-weight: normal;
    min-block-size: 2.75rem;
    max-inline-size: 100%;
    padding-inline: ${space(2)};
    border: 1px solid ${token('colorBorder')};
    border-radius: ${token('borderRadius')};
    background: ${token('colorSurface')};
    color: ${token('colorText')};
  }
  .week {
    display: flex;
    align-items: center;
    gap: ${space(2)};
    margin-block: ${space(4)} ${space(2)};
  }
  .notice,
  .confirmation,
  .countdown {
    padding: ${space(3)} ${space(4)};
    border-radius: ${token('borderRadius')};
    border: 1px solid ${token('colorBorder')};
  }
  .notice {
    border: 2px solid ${token('colorDanger')};
  }
  .countdown {
    border-inline-start: 4px solid ${token('colorPrimary')};
  }
  form {
    display: grid;
    gap: ${space(3)};
    max-inline-size: 32rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${space(3)};
    margin-block: ${space(4)} ${space(2)};
  }
  button,
  .button {
    font: inherit;
    min-block-size: 2.75rem;
    padding-inline: ${space(5)};
    border-radius: ${token('borderRadius')};
    border: 1px solid ${token('colorBorder')};
    background: ${token('colorSurface')};
    color: ${token('colorText')};
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .primary {
    background: ${token('colorPrimary')};
    border-color: ${token('colorPrimary')};
    color: ${token('colorOnPrimary')};
    font-weight: 600;
  }
  button.link {
    min-block-size: auto;
    padding: 0;
    border: 0;
    background: none;
    color: ${token('colorPrimary')};
    text-decoration: underline;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .waitlist-entry {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${space(2)};
    margin-block: ${space(4)} 0;
  }
  .waitlist {
    margin-block-start: ${space(4)};
    padding: ${space(4)};
    border: 1px solid ${token('colorBorder')};
    border-radius: ${token('borderRadius')};
  }
  .waitlist h3 {
    text-align: start;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
