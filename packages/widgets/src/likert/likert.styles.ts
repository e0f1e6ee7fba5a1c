import { css } from 'lit';
import { token } from '../theme/tokens.js';

export const likertStyles = css`
  .matrix {
    overflow-x: auto;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(8em, 2fr) repeat(var(--columns), minmax(3.5em, 1fr));
    align-items: center;
    gap: calc(${token('spacingUnit')} * 2);
    padding-block: calc(${token('spacingUnit')} * 2);
    border-block-end: 1px solid ${token('colorBorder')};
  }
  .head {
    font-size: 0.875em;
    text-align: center;
    border-block-end-width: 2px;
  }
  .cell {
    display: flex;
    justify-content: center;
  }
  .cell input {
    inline-size: 1.5em;
    block-size: 1.5em;
  }
`;
