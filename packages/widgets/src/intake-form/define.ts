import { defineElement } from '../internal/define.js';
import { TcrmIntakeForm } from './intake-form.js';

defineElement('tcrm-intake-form', TcrmIntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'tcrm-intake-form': TcrmIntakeForm;
  }
}
