import { css } from 'lit';
import { token } from '../theme/tokens.js';

export const addressStyles = css`
  .parts {
    display: grid;
    grid-template-columns: repeat(6, 1fr);
    gap: calc(${token('spacingUnit')} * 3);
  }
  .part {
    display: flex;
    flex-direction: column;
    gap: ${token('spacingUnit')};
    grid-column: span 6;
    font-size: 0.9375em;
  }
  .city {
    grid-column: span 3;
  }
  .region,
  .postalCode {
    grid-column: span 3;
  }
  @media (min-width: 36em) {
    .region,
    .postalCode {
      grid-column: span 3;
    }
  }
`;
