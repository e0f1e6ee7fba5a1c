import { css } from 'lit';
import { token } from '../theme/tokens.js';

/** Logical properties only, so right-to-left locales mirror without extra rules. */
export const intakeFormStyles = css`
  :host {
    display: block;
    max-inline-size: 44rem;
    font-family: ${token('fontFamily')};
    font-size: ${token('fontSizeBase')};
    color: ${token('colorText')};
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    margin-block: 0 calc(${token('spacingUnit')} * 2);
    font-size: 1.5em;
  }
  h3 {
    margin-block: calc(${token('spacingUnit')} * 4);
    font-size: 1.25em;
  }
  h4 {
    margin-block: calc(${token('spacingUnit')} * 6) calc(${token('spacingUnit')} * 2);
    font-size: 1.1em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  :focus-visible,
  [tabindex='-1']:focus-visible {
    outline: ${token('focusRingWidth')} solid ${token('colorFocus')};
    outline-offset: 2px;
  }
  .intro,
  .section p,
  .draft-status {
    color: ${token('colorTextSecondary')};
  }
  .progress p {
    margin: 0;
    font-size: 0.875em;
    color: ${token('colorTextSecondary')};
  }
  progress {
    inline-size: 100%;
    block-size: 0.5rem;
    accent-color: ${token('colorPrimary')};
  }
  .notice p,
  .static,
  .saved-signature,
  .status {
    padding: calc(${token('spacingUnit')} * 3) calc(${token('spacingUnit')} * 4);
    border-radius: ${token('borderRadius')};
    border: 1px solid ${token('colorBorder')};
  }
  .static {
    border-inline-start: 4px solid ${token('colorPrimary')};
    margin-block-end: calc(${token('spacingUnit')} * 5);
  }
  .static p {
    margin-block: 0 calc(${token('spacingUnit')} * 2);
  }
  .notice.alert p {
    border: 2px solid ${token('colorDanger')};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(${token('spacingUnit')} * 3);
    margin-block: calc(${token('spacingUnit')} * 6) calc(${token('spacingUnit')} * 2);
  }
  button:not(.link),
  .button {
    font: inherit;
    min-block-size: 2.75rem;
    padding-inline: calc(${token('spacingUnit')} * 5);
    border-radius: ${token('borderRadius')};
    border: 1px solid ${token('colorBorder')};
    background: ${token('colorSurface')};
    color: ${token('colorText')};
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  button.primary {
    background: ${token('colorPrimary')};
    border-color: ${token('colorPrimary')};
    color: ${token('colorOnPrimary')};
    font-weight: 600;
  }
  .secondary {
    margin-inline-start: auto;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .files {
    list-style: none;
    padding: 0;
  }
  .files li {
    display: flex;
    flex-wrap: wrap;
    gap: calc(${token('spacingUnit')} * 3);
    align-items: center;
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
