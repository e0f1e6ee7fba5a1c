import { css } from 'lit';
import { token } from '../theme/tokens.js';

export const signatureStyles = css`
  .signature,
  .typed-name {
    display: flex;
    flex-direction: column;
    gap: calc(${token('spacingUnit')} * 2);
    margin: 0;
  }
  .modes {
    display: flex;
    gap: calc(${token('spacingUnit')} * 2);
  }
  canvas {
    display: block;
    inline-size: 100%;
    max-inline-size: 36rem;
    aspect-ratio: 3 / 1;
    background: #fff;
    border: 1px solid ${token('colorBorder')};
    border-radius: ${token('borderRadius')};
    touch-action: none; /* the finger draws instead of scrolling */
    cursor: crosshair;
  }
  .typed canvas {
    cursor: default;
  }
  .actions {
    display: flex;
    gap: calc(${token('spacingUnit')} * 2);
    align-items: center;
  }
`;
