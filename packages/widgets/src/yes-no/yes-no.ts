import type { PropertyValues } from 'lit';
import { TcrmChoice } from '../choice/choice.js';

/**
 * A yes/no question: a two-option radio group laid out in a row, labelled
 * in the current locale. The value is `'yes'`, `'no'` or `''`;
 * {@link TcrmYesNo.answer} gives the boolean the form definition stores.
 *
 * @summary Yes / no radio group.
 */
export class TcrmYesNo extends TcrmChoice {
  constructor() {
    super();
    this.inline = true;
  }

  /** true, false, or null when unanswered. */
  get answer(): boolean | null {
    return this.value === 'yes' ? true : this.value === 'no' ? false : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Fixed options, relabelled on every render so a locale change shows at once.
    const t = this.tcrm.translator;
    this.multiple = false;
    this.options = [
      { value: 'yes', label: t.t('choice.yes') },
      { value: 'no', label: t.t('choice.no') },
    ];
    super.willUpdate(changed);
  }
}
