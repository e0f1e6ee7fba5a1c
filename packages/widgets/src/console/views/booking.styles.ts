import { css } from 'lit';
import { token } from '../../theme/tokens.js';

/**
 * Booking screens' additions to the console styles. Status is never told by
 * colour alone: each badge carries its word, the border style differs too.
 */
export const calendarStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(${token('spacingUnit')} * 4);
    align-items: center;
  }
  h2 {
    font-size: 1.125rem;
    margin-block: calc(${token('spacingUnit')} * 6) calc(${token('spacingUnit')} * 2);
  }
  .status-requested {
    border-style: dashed;
  }
  .status-cancelled {
    text-decoration: line-through;
    color: ${token('colorTextSecondary')};
  }
  .status-confirmed {
    font-weight: 700;
  }
  .badge:focus-visible {
    outline: ${token('focusRingWidth')} solid ${token('colorFocus')};
    outline-offset: 2px;
  }
  .confirm p {
    margin-block: 0 calc(${token('spacingUnit')} * 2);
  }
  .confirm button {
    margin-inline-end: calc(${token('spacingUnit')} * 2);
  }
  fieldset {
    border: 1px solid ${token('colorBorder')};
    border-radius: ${token('borderRadius')};
    margin-block-end: calc(${token('spacingUnit')} * 3);
    padding: calc(${token('spacingUnit')} * 3);
  }
  legend {
    font-weight: 700;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: calc(${token('spacingUnit')} * 2);
    align-items: end;
    margin-block-end: calc(${token('spacingUnit')} * 2);
  }
  .range input {
    inline-size: auto;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: calc(${token('spacingUnit')} * 4);
  }
  .field-error {
    color: ${token('colorDanger')};
    font-weight: 600;
    margin-block: calc(${token('spacingUnit')} * 1) 0;
  }
  .field-error:empty {
    display: none;
  }
  input[type='checkbox'] {
    inline-size: auto;
    min-block-size: auto;
    margin-inline-end: calc(${token('spacingUnit')} * 2);
  }
  .inline {
    display: flex;
    align-items: center;
    font-weight: 600;
  }
`;
