// Events of <tcrm-intake-form>. They bubble out of the shadow root to the
// practice's page, where analytics or tag managers may listen, so their
// details carry ids and counts only: never an answer, a name or the resume
// token (which opens the draft).

const init: EventInit = { bubbles: true, composed: true };

/**
 * The published form loaded (or a draft resumed) and is shown: the fields of
 * its page have rendered and take input from this moment.
 */
export class TcrmFormLoadedEvent extends Event {
  constructor(
    readonly detail: {
      readonly formKey: string;
      readonly version: number;
      readonly resumed: boolean;
      readonly pageCount: number;
    },
  ) {
    super('tcrm-form-loaded', init);
  }
}

/** The client moved to another page (index counts visible pages from 0). */
export class TcrmPageChangeEvent extends Event {
  constructor(
    readonly detail: {
      readonly pageId: string;
      readonly pageIndex: number;
      readonly pageCount: number;
    },
  ) {
    super('tcrm-page-change', init);
  }
}

/** The answers so far were saved on the server as a draft. */
export class TcrmDraftSavedEvent extends Event {
  constructor(readonly detail: { readonly savedAt: string }) {
    super('tcrm-draft-saved', init);
  }
}

/** The server stored the submission. */
export class TcrmSubmittedEvent extends Event {
  constructor(readonly detail: { readonly submissionId: string }) {
    super('tcrm-submitted', init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'tcrm-form-loaded': TcrmFormLoadedEvent;
    'tcrm-page-change': TcrmPageChangeEvent;
    'tcrm-draft-saved': TcrmDraftSavedEvent;
    'tcrm-submitted': TcrmSubmittedEvent;
  }
}
