import { css } from 'lit';
import { token } from '../theme/tokens.js';

/**
 * Styles of what shows only after the client acted (error summary, resume
 * link, confirmation): loaded with the actions chunk and adopted then by each form.
 */
export const intakeLateStyles = css`
  .error-summary,
  .resume-link,
  .confirmation {
    padding: calc(${token('spacingUnit')} * 3) calc(${token('spacingUnit')} * 4);
    border-radius: ${token('borderRadius')};
    border: 1px solid ${token('colorBorder')};
  }
  .error-summary {
    border: 2px solid ${token('colorDanger')};
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .link {
    font: inherit;
    color: ${token('colorDanger')};
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  .resume-link input {
    display: block;
    inline-size: 100%;
    box-sizing: border-box;
    font: inherit;
    padding: calc(${token('spacingUnit')} * 2);
    margin-block-start: calc(${token('spacingUnit')} * 1);
    border: 1px solid ${token('colorBorder')};
    border-radius: ${token('borderRadius')};
    background: ${token('colorSurface')};
    color: ${token('colorText')};
  }
  .resume-link label {
    font-weight: 600;
  }
`;
