import { css } from 'lit';

export const providerStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
`;
