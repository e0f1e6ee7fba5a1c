import {
  formFields,
  visiblePages,
  type FieldErrors,
  type FormDefinition,
} from '@therapycrm/plugin-sdk/forms';
import type { PropertyDeclarations, PropertyValues, CSSResultGroup } from 'lit';
import { TcrmApiError } from '../api/api-error.js';
import { TcrmElement } from '../internal/tcrm-element.js';
import { languageOf } from '../i18n/locale.js';
import type { TcrmField } from '../fields/field.js';
import type { FieldValue } from './answer-codec.js';
import type { DraftKeeper, DraftState } from './draft-keeper.js';
import { answersOf, firstPageWithError } from './form-answers.js';
import type { SubmitAttempts } from './submit-intake.js';
import {
  TcrmDraftSavedEvent,
  TcrmFormLoadedEvent,
  TcrmPageChangeEvent,
  TcrmSubmittedEvent,
} from './intake-form.events.js';
import { fill, intakeCatalogue, type IntakeMessageKey } from './intake-messages.js';
import { intakeFormStyles } from './intake-form.styles.js';
import { renderIntake } from './intake-form.render.js';
import type { IntakeUploads } from './intake-uploads.js';
import type { UploadedFile } from './render-item.js';
import {
  loadErrorOf,
  loadIntake,
  loadLazyFields,
  type IntakePhase,
  type LoadedIntake,
} from './load-intake.js';
import { focusWhenReady, showFieldErrors } from './form-dom.js';

// Resolved against this module, so a page that loads the widgets from the
// therapyCRM server needs no `api-url`: the API is where the script came from.
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

// Validation, drafts, uploads and submit: fetched on the client's first
// interaction (or first autosave), not before the form is shown.
let loadedActions: typeof import('./intake-actions.js') | undefined;
const actions = async () => (loadedActions ??= await import('./intake-actions.js'));

/**
 * A practice's intake form: loads the published definition, renders every
 * question with the tcrm field elements, shows and hides conditional
 * questions as the client answers (hidden answers are never sent), validates
 * each page before moving on, autosaves a draft on the server, offers a
 * private resume link, uploads signatures and files, and submits once per
 * attempt with an Idempotency-Key.
 *
 * Works inside a `<tcrm-provider>` or alone with `publishable-key` (plus
 * `api-url` when the script is not served by the therapyCRM server).
 *
 * @summary Multi-page intake form with drafts, resume link and uploads.
 *
 * @fires tcrm-form-loaded - The form is shown, its page's fields rendered and ready for input (detail: formKey, version, resumed, pageCount).
 * @fires tcrm-page-change - The client moved to another page (detail: pageId, pageIndex, pageCount).
 * @fires tcrm-draft-saved - A draft was saved on the server (detail: savedAt).
 * @fires tcrm-submitted - The submission was stored (detail: submissionId only).
 *
 * @csspart form - The form.
 * @csspart title - The form's title.
 * @csspart progress - The progress block; `progress-bar` its bar.
 * @csspart page-title - The current page's heading.
 * @csspart error-summary - The list of answers to check.
 * @csspart item - The wrapper of one question.
 * @csspart section - A section heading block.
 * @csspart static-text - Explanatory text.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button; `primary` also on Next/Submit.
 * @csspart notice - Resumed, expired and failure messages.
 * @csspart draft-status - "Saving…" / "Draft saved".
 * @csspart resume-link - The "continue later" panel.
 * @csspart confirmation - The thank-you panel.
 * @csspart status - Loading and error messages.
 */
export class TcrmIntakeForm extends TcrmElement {
  static override styles: CSSResultGroup = [TcrmElement.styles, intakeFormStyles];

  static override properties: PropertyDeclarations = {
    formKey: { attribute: 'form-key' },
    resumeToken: { attribute: 'resume-token' },
    phase: { state: true },
    pageId: { state: true },
    errors: { state: true },
    notice: { state: true },
    draftState: { state: true },
    linkShown: { state: true },
    submitting: { state: true },
    announcement: { state: true },
  };

  /** Key of the published form, e.g. `new-client-intake`. */
  declare formKey: string | undefined;
  /** Resumes a saved draft (else read from the page's `#resume=` fragment). */
  declare resumeToken: string | undefined;
  /** What is shown: loading, error, the form, or the confirmation. */
  declare phase: IntakePhase;
  declare protected pageId: string;
  declare protected errors: FieldErrors;
  declare protected notice: IntakeMessageKey | undefined;
  declare protected draftState: DraftState;
  declare protected linkShown: boolean;
  declare protected submitting: boolean;
  declare protected announcement: string;

  /** Where the shown form came from (key, version id). */
  #form: LoadedIntake | undefined;
  #loadedApi: unknown;
  #loadedKey = '';
  #raw = new Map<string, FieldValue | File | null>();
  /** Uploaded files per field; the same map as `#uploads.files` once the uploader exists. */
  #files = new Map<string, UploadedFile[]>();
  /** Created with the actions chunk on first need (see `#uploader`). */
  #uploads: IntakeUploads | undefined;
  /** Created with the actions chunk on first need (see `#draft`). */
  #keeper: DraftKeeper | undefined;
  /** The resumed draft's token, until the keeper exists. */
  #resumeToken: string | null = null;
  #attempts: SubmitAttempts | undefined;
  #errorRound = 0;
  #focusAfterRender: string | undefined;

  constructor() {
    super();
    const initial = { phase: { kind: 'loading' }, pageId: '', errors: {}, draftState: 'idle' };
    Object.assign(this, { ...initial, linkShown: false, submitting: false, announcement: '' });
  }

  override connectedCallback(): void {
    if (this.hasAttribute('publishable-key') && !this.apiUrl) this.apiUrl = SCRIPT_ORIGIN;
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The host page removed the form: save what is pending rather than lose it.
    void this.#keeper?.flush().catch(() => {});
  }

  /** The definition being shown (undefined while loading). */
  get definition(): FormDefinition | undefined {
    return this.#form?.definition;
  }

  /** Saves the draft now (starting one if needed) and returns its resume token. */
  async saveDraft(): Promise<string> {
    await actions();
    await (await this.#uploader()).settle(this.definition!, this.#raw);
    const keeper = await this.#draft();
    await keeper.flush(true);
    return keeper.token!;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Providers answer on connection; a task later, no API means no provider and no key.
    setTimeout(() => {
      if (!this.tcrm.api && this.phase.kind === 'loading')
        this.phase = { kind: 'error', code: 'config' };
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const api = this.tcrm.api;
    const key = `${this.formKey ?? ''}|${this.resumeToken ?? ''}`;
    if (api && this.formKey && (api !== this.#loadedApi || key !== this.#loadedKey)) {
      [this.#loadedApi, this.#loadedKey] = [api, key];
      void this.#load();
    }
    this.#adoptLateStyles();
    if ((changed as Map<string, unknown>).has('errors'))
      showFieldErrors(this.renderRoot, this.errors);
    if (this.#focusAfterRender) focusWhenReady(this.renderRoot, this.#focusAfterRender);
    this.#focusAfterRender = undefined;
  }

  /** Once the actions chunk is here, its styles join this form's (what it renders may need them). */
  #adoptLateStyles(): void {
    const sheet = loadedActions?.intakeLateStyles.styleSheet;
    const root = this.shadowRoot;
    if (sheet && root && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  async #load(): Promise<void> {
    if (this.phase.kind !== 'loading') this.phase = { kind: 'loading' };
    this.#keeper?.dispose();
    this.#keeper = undefined;
    try {
      // Every form has fields: their shared base loads while the definition does.
      void import('../fields/field.js');
      const loaded = await loadIntake(this.tcrm.api!, this.formKey!, this.resumeToken ?? null);
      await loadLazyFields(loaded.definition);
      this.#form = loaded;
      this.#raw = loaded.raw;
      this.#setFiles(loaded.uploads);
      (this.#keeper as DraftKeeper | undefined)?.dispose(); // started for the old form meanwhile
      this.#keeper = undefined;
      this.#resumeToken = loaded.resumeToken;
      this.notice = loaded.resumeToken ? 'resumed' : loaded.expired ? 'resumeExpired' : undefined;
      const pages = this.#pages();
      this.pageId = pages.find((p) => p.id === loaded.pageId)?.id ?? pages[0]?.id ?? '';
      this.phase = { kind: 'ready' };
      const { formKey, definition, resumeToken } = loaded;
      const detail = {
        formKey,
        version: definition.version,
        resumed: !!resumeToken,
        pageCount: pages.length,
      };
      await this.#fieldsRendered();
      if (this.#form !== loaded) return; // another form was asked for meanwhile
      this.dispatchEvent(new TcrmFormLoadedEvent(detail));
    } catch (e) {
      this.phase = { kind: 'error', code: loadErrorOf(e) };
    }
  }

  /**
   * Resolves once the form and the fields of its page have rendered, so
   * `tcrm-form-loaded` means the client can type into them (the fields
   * render together, not one after another).
   */
  async #fieldsRendered(): Promise<void> {
    await this.updateComplete;
    const fields = this.renderRoot.querySelectorAll<TcrmField<unknown>>('[name]');
    await Promise.all([...fields].map((field) => field.updateComplete));
  }

  #setFiles(files: Map<string, UploadedFile[]>): void {
    this.#files = files;
    this.#uploads?.reset(files);
  }

  async #uploader(): Promise<IntakeUploads> {
    const { IntakeUploads } = await actions();
    if (this.#uploads) return this.#uploads;
    this.#uploads = new IntakeUploads({
      upload: (fieldId, data, contentType, fileName) =>
        this.#upload(fieldId, data, contentType, fileName),
      changed: () => {
        this.requestUpdate();
        this.#schedule();
      },
      failed: (fieldId, error) => this.#showErrors({ ...this.errors, [fieldId]: [error] }),
    });
    this.#uploads.reset(this.#files);
    return this.#uploads;
  }

  async #draft(): Promise<DraftKeeper> {
    const { DraftKeeper } = await actions();
    return (this.#keeper ??= this.#newKeeper(DraftKeeper, this.#resumeToken));
  }

  /** Autosaves after a quiet period (starting the draft on the first change). */
  #schedule(): void {
    void this.#draft().then((keeper) => keeper.schedule());
  }

  #newKeeper(Keeper: typeof DraftKeeper, token: string | null): DraftKeeper {
    const api = () => this.tcrm.api!;
    return new Keeper(
      {
        start: async () =>
          (await api().intake.startDraft.mutate({ formKey: this.#form!.formKey })).resumeToken,
        save: async (resumeToken) => {
          const { draftAnswers } = await actions();
          const answers = draftAnswers(this.definition!, this.#answers());
          const saved = await api().intake.saveDraft.mutate({
            resumeToken,
            answers,
            pageId: this.pageId,
          });
          return String(saved.savedAt);
        },
        changed: (state, savedAt) => {
          this.draftState = state;
          if (savedAt) this.dispatchEvent(new TcrmDraftSavedEvent({ savedAt }));
        },
      },
      token,
    );
  }

  #answers(): Record<string, unknown> {
    return answersOf(this.definition!, this.#raw, this.#files);
  }

  #pages() {
    return this.definition ? visiblePages(this.definition, this.#answers()) : [];
  }

  #onFieldEvent(event: Event): void {
    const field = event.target as TcrmField<unknown>;
    const item = this.definition && formFields(this.definition).find((f) => f.id === field.name);
    if (!item) return;
    void actions(); // first interaction: fetch what Next, autosave and Submit run
    if (Object.hasOwn(this.errors, item.id)) {
      const { [item.id]: _fixed, ...rest } = this.errors;
      this.errors = rest;
    }
    if (item.type === 'file_upload') {
      // Uploaded as soon as chosen if it passes the type and size checks (the
      // field's own errors are not updated yet when it fires); the picker then clears.
      const file = field.value;
      if (event.type !== 'tcrm-change' || !(file instanceof File)) return;
      void Promise.all([actions(), this.#uploader()]).then(
        ([{ checkUploadedFile, base64Of }, uploads]) => {
          if (field.value !== file) return; // replaced or cleared meanwhile
          if (checkUploadedFile(item, { mimeType: file.type, sizeBytes: file.size }).length) return;
          uploads.addFile(item.id, file, base64Of);
          field.value = null;
        },
      );
      return;
    }
    // A changed signature makes the uploaded one stale; the new one uploads when leaving the page.
    if (item.type === 'signature') this.#files.delete(item.id);
    this.#raw.set(item.id, field.value as FieldValue);
    this.requestUpdate();
    this.#schedule();
  }

  async #upload(fieldId: string, data: string, contentType?: string, fileName?: string) {
    const { connectionOf, uploadFile } = await actions();
    const connection = connectionOf(this);
    if (!connection) throw new TcrmApiError('Not configured');
    const resumeToken = await (await this.#draft()).ensure();
    const input = { resumeToken, fieldId, data, contentType, fileName };
    return uploadFile(connection, this.tcrm.session, input);
  }

  #showErrors(errors: FieldErrors): void {
    this.errors = errors;
    this.#errorRound++;
    const page = this.definition!.pages.find((p) => p.id === this.pageId);
    const first = page?.items.find((item) => Object.hasOwn(errors, item.id));
    this.#focusAfterRender = first ? `[name="${first.id}"]` : '[part~="error-summary"]';
  }

  #goTo(pageId: string): void {
    const pages = this.#pages();
    const index = pages.findIndex((p) => p.id === pageId);
    this.pageId = pageId;
    this.errors = {};
    this.linkShown = false;
    this.#focusAfterRender = '#page-title';
    this.announcement = this.#text('progress', { current: index + 1, total: pages.length });
    this.dispatchEvent(
      new TcrmPageChangeEvent({ pageId, pageIndex: index, pageCount: pages.length }),
    );
    if (this.#keeper ? this.#keeper.token : this.#resumeToken) this.#schedule();
  }

  async #step(step: 1 | -1): Promise<void> {
    const pages = this.#pages();
    const index = pages.findIndex((p) => p.id === this.pageId);
    if (step === 1) {
      const { validatePage } = await actions();
      if (!(await (await this.#uploader()).settle(this.definition!, this.#raw))) return;
      const checked = validatePage(this.definition!, this.pageId, this.#answers());
      if (!checked.ok) return this.#showErrors(checked.errors);
    }
    const target = pages[index + step];
    if (target) this.#goTo(target.id);
  }

  async #submit(): Promise<void> {
    if (this.submitting) return;
    this.submitting = true;
    this.notice = undefined;
    let fieldErrorsOf: ((e: unknown) => FieldErrors | undefined) | undefined;
    try {
      const a = await actions();
      fieldErrorsOf = a.fieldErrorsOf;
      const { validateAnswers, submitterFrom, connectionOf } = a;
      if (!(await (await this.#uploader()).settle(this.definition!, this.#raw))) return;
      const definition = this.definition!;
      const checked = validateAnswers(definition, this.#answers());
      if (!checked.ok) return this.#showFormErrors(checked.errors);
      const client = submitterFrom(definition, checked.answers);
      const connection = connectionOf(this);
      if (!client || !connection)
        return void (this.notice = client ? 'error.config' : 'error.identity');
      const keeper = await this.#draft();
      keeper.dispose();
      const source = keeper.token
        ? { resumeToken: keeper.token }
        : { formVersionId: this.#form!.formVersionId };
      const payload = { ...source, answers: checked.answers, client };
      this.#attempts ??= new a.SubmitAttempts();
      const submissionId = await this.#attempts.send(connection, this.tcrm.session, payload);
      this.#raw = new Map();
      this.#setFiles(new Map());
      this.phase = { kind: 'submitted', submissionId };
      this.#focusAfterRender = '#done';
      this.dispatchEvent(new TcrmSubmittedEvent({ submissionId }));
    } catch (e) {
      const fieldErrors = fieldErrorsOf?.(e);
      if (fieldErrors) this.#showFormErrors(fieldErrors);
      else this.notice = 'submitFailed';
    } finally {
      this.submitting = false;
    }
  }

  /** Errors about the whole form (or from the server): shown on the first page that has one. */
  #showFormErrors(errors: FieldErrors): void {
    const page = firstPageWithError(this.definition!, errors);
    if (page && page !== this.pageId) this.#goTo(page);
    this.#showErrors(errors);
  }

  async #saveLater(): Promise<void> {
    try {
      await this.saveDraft();
      this.linkShown = true;
      this.#focusAfterRender = '#link-title';
    } catch {
      this.notice = 'saveFailed';
    }
  }

  #text = (key: IntakeMessageKey, params?: Record<string, string | number>): string =>
    fill(
      intakeCatalogue(languageOf(this.tcrm.locale), this)[key] ??
        loadedActions?.intakeLateEn[key as keyof typeof loadedActions.intakeLateEn] ??
        '',
      params,
    );

  protected override render() {
    const ready = this.phase.kind === 'ready';
    return renderIntake({
      ...{ phase: this.phase, definition: this.definition, locale: this.tcrm.locale },
      translator: this.tcrm.translator,
      text: this.#text,
      pages: ready ? this.#pages() : [],
      pageId: this.pageId,
      answers: ready ? this.#answers() : {},
      raw: this.#raw,
      uploads: this.#files,
      uploading: this.#uploads?.uploading ?? new Set<string>(),
      ...{ errors: this.errors, errorRound: this.#errorRound, notice: this.notice },
      draftState: this.draftState,
      linkShown: this.linkShown,
      resumeToken: this.#keeper ? this.#keeper.token : this.#resumeToken,
      submitting: this.submitting,
      announcement: this.announcement,
      late: loadedActions,
      on: {
        field: (e) => this.#onFieldEvent(e),
        back: () => void this.#step(-1),
        next: () => void this.#step(1),
        submit: () => void this.#submit(),
        saveLater: () => void this.#saveLater(),
        hideLink: () => ((this.linkShown = false), (this.#focusAfterRender = '#page-title')),
        retry: () => void this.#load(),
        removeFile: (fieldId, fileId) =>
          void this.#uploader().then((uploads) => uploads.remove(fieldId, fileId)),
        redoSignature: (fieldId) => {
          void this.#uploader().then((uploads) => uploads.remove(fieldId));
          this.#raw.delete(fieldId);
          this.#focusAfterRender = `tcrm-signature[name="${fieldId}"]`;
        },
      },
    });
  }
}
