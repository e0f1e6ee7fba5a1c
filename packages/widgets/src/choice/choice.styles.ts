import { css } from 'lit';
import { token } from '../theme/tokens.js';

export const choiceStyles = css`
  .options {
    display: flex;
    flex-direction: column;
    gap: calc(${token('spacingUnit')} * 2);
  }
  :host([inline]) .options {
    flex-direction: row;
    flex-wrap: wrap;
    column-gap: calc(${token('spacingUnit')} * 6);
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: calc(${token('spacingUnit')} * 2);
    min-block-size: 1.75em;
    cursor: pointer;
  }
`;
