import { css } from 'lit';
import { declarations, LIGHT_TOKENS, token } from '../theme/tokens.js';
import { consoleStyles } from './console.styles.js';

/** The shell: tokens declared once here (the console is its own provider), header, nav, status, idle warning. */
export const shellStyles = [
  consoleStyles,
  css`
    :host {
      ${declarations(LIGHT_TOKENS)}
      display: block;
      min-block-size: 100vh;
      background: ${token('colorBackground')};
      line-height: 1.5;
    }
    .skip {
      position: absolute;
      inset-inline-start: -10000px;
    }
    .skip:focus {
      position: static;
      margin: calc(${token('spacingUnit')} * 2);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(${token('spacingUnit')} * 4);
      padding: calc(${token('spacingUnit')} * 3) calc(${token('spacingUnit')} * 6);
      border-block-end: 1px solid ${token('colorBorder')};
    }
    .brand {
      margin: 0;
      font-weight: 700;
    }
    nav ul {
      display: flex;
      gap: calc(${token('spacingUnit')} * 4);
      list-style: none;
      margin: 0;
      padding: 0;
    }
    nav a {
      display: inline-block;
      padding-block: calc(${token('spacingUnit')} * 2);
    }
    nav a[aria-current='page'] {
      font-weight: 700;
      text-decoration-thickness: 3px;
    }
    .tools {
      display: flex;
      align-items: center;
      gap: calc(${token('spacingUnit')} * 2);
      margin-inline-start: auto;
    }
    .tools label {
      margin: 0;
    }
    .tools select {
      inline-size: auto;
    }
    main {
      padding: calc(${token('spacingUnit')} * 6);
      max-inline-size: 90rem;
    }
    .status:empty {
      display: none;
    }
    .status {
      position: fixed;
      inset-block-end: calc(${token('spacingUnit')} * 4);
      inset-inline-start: calc(${token('spacingUnit')} * 4);
      padding: calc(${token('spacingUnit')} * 2) calc(${token('spacingUnit')} * 4);
      border: 1px solid ${token('colorBorder')};
      border-radius: ${token('borderRadius')};
      background: ${token('colorSurface')};
    }
    .idle {
      position: fixed;
      inset-block-start: 20%;
      inset-inline: 0;
      margin-inline: auto;
      max-inline-size: 28rem;
      padding: calc(${token('spacingUnit')} * 6);
      border: 2px solid ${token('colorPrimary')};
      border-radius: ${token('borderRadius')};
      background: ${token('colorSurface')};
      box-shadow: 0 8px 32px rgb(0 0 0 / 0.3);
    }
  `,
];
