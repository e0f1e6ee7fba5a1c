import type { FieldError } from '@therapycrm/plugin-sdk/forms';

/**
 * What a field event says about its source. Deliberately never the value:
 * these events bubble out of shadow roots to `document`, where any analytics
 * or tag-manager script on the practice's site can listen. A host that needs
 * the answer reads `event.target.value` on purpose; error codes and
 * parameters come from the form definition, never from the client's input.
 */
export interface TcrmFieldEventDetail {
  /** The field's `name` (the form-definition field id in an intake form). */
  readonly name: string;
  /** The element's `id`, or '' when it has none. */
  readonly id: string;
}

const init: EventInit = { bubbles: true, composed: true };

/** The value changed and was committed (blur, selection, file chosen). */
export class TcrmChangeEvent extends Event {
  constructor(readonly detail: TcrmFieldEventDetail) {
    super('tcrm-change', init);
  }
}

/** The value changed while typing or drawing. */
export class TcrmInputEvent extends Event {
  constructor(readonly detail: TcrmFieldEventDetail) {
    super('tcrm-input', init);
  }
}

/** Validation failed where the client sees it (form submit, `reportValidity`, blur). */
export class TcrmInvalidEvent extends Event {
  constructor(readonly detail: TcrmFieldEventDetail & { readonly errors: readonly FieldError[] }) {
    super('tcrm-invalid', init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'tcrm-change': TcrmChangeEvent;
    'tcrm-input': TcrmInputEvent;
    'tcrm-invalid': TcrmInvalidEvent;
  }
}
