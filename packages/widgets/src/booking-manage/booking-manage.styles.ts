import { css } from 'lit';
import { bookingStyles } from '../booking/booking.styles.js';
import { token } from '../theme/tokens.js';

const space = (n: number) => css`calc(${token('spacingUnit')} * ${n})`;

/**
 * The booking widget's look (buttons, notices, week bar, selects) plus the
 * summary list and the cancel buttons. Logical properties only, so right to
 * left mirrors without extra rules.
 */
export const manageStyles = [
  bookingStyles,
  css`
    .summary {
      display: grid;
      gap: ${space(2)};
      margin: 0 0 ${space(4)};
    }
    .summary > div {
      display: grid;
      grid-template-columns: minmax(6rem, 10rem) 1fr;
      gap: ${space(3)};
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .practice-time {
      display: block;
    }
    .status {
      display: inline-block;
      padding-inline: ${space(2)};
      border-radius: ${token('borderRadius')};
      border: 1px solid ${token('colorBorder')};
    }
    .status[data-status='cancelled'] {
      border-color: ${token('colorDanger')};
    }
    .policy h3 {
      text-align: start;
      margin-block: ${space(4)} ${space(1)};
    }
    .policy p {
      margin-block: ${space(1)};
    }
    .zone {
      align-items: flex-start;
      margin-block-end: ${space(2)};
    }
    .result,
    .consequence {
      padding: ${space(1)} ${space(4)};
      border-inline-start: 4px solid ${token('colorPrimary')};
      margin-block-end: ${space(4)};
    }
    .danger {
      background: ${token('colorDanger')};
      border-color: ${token('colorDanger')};
      color: ${token('colorOnPrimary')};
      font-weight: 600;
    }
    .danger-outline {
      border-color: ${token('colorDanger')};
      color: ${token('colorDanger')};
    }
    s {
      text-decoration-thickness: 1px;
    }
    @media (max-width: 30rem) {
      .summary > div {
        grid-template-columns: 1fr;
        gap: 0;
      }
    }
  `,
];
