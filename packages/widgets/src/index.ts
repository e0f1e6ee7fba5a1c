// Public surface of @therapycrm/widgets: classes and helpers, no side
// effects. Import '@therapycrm/widgets/define' to register the tags.
export { TcrmProvider } from './provider/provider.js';
export { TcrmElement } from './internal/tcrm-element.js';
export { defineElement } from './internal/define.js';

export { TcrmField, type FieldAria } from './fields/field.js';
export { validityFlags, VALIDITY_FLAG, type FieldValidator } from './fields/validators.js';
export { TcrmTextField, type TextFieldType } from './text-field/text-field.js';
export { textValidators, type TextRulesHost } from './text-field/text-validators.js';
export { TcrmTextarea } from './textarea/textarea.js';
export { TcrmChoice, type ChoiceFieldValue, type ChoiceOptionInput } from './choice/choice.js';
export { TcrmYesNo } from './yes-no/yes-no.js';
export { TcrmLikert, type LikertRowInput, type LikertValue } from './likert/likert.js';
export {
  TcrmAddress,
  ADDRESS_PARTS,
  type AddressPart,
  type AddressValue,
} from './address/address.js';
export { TcrmSignature } from './signature/signature.js';
export { TcrmFileUpload } from './file-upload/file-upload.js';
export { TcrmIntakeForm } from './intake-form/intake-form.js';
export type { IntakePhase } from './intake-form/load-intake.js';
export {
  TcrmDraftSavedEvent,
  TcrmFormLoadedEvent,
  TcrmPageChangeEvent,
  TcrmSubmittedEvent,
} from './intake-form/intake-form.events.js';
export { TcrmBooking, type BookingStep } from './booking/booking.js';
export { TcrmSlotGrid, type GridSlot } from './booking/slot-grid.js';
export { TcrmBookedEvent, TcrmSlotHeldEvent } from './booking/booking.events.js';
export { registerBookingCatalogue, type BookingCatalogue } from './booking/booking-messages.js';
export { TcrmBookingManage, type ManageView } from './booking-manage/booking-manage.js';
export {
  TcrmAppointmentCancelledEvent,
  TcrmAppointmentRescheduledEvent,
} from './booking-manage/booking-manage.events.js';
export { registerManageCatalogue, type ManageCatalogue } from './booking-manage/manage-messages.js';

export {
  TcrmChangeEvent,
  TcrmInputEvent,
  TcrmInvalidEvent,
  type TcrmFieldEventDetail,
} from './events/events.js';

export {
  apiContext,
  localeContext,
  practiceContext,
  sessionContext,
  type PracticeProfile,
  type PracticeState,
} from './context/keys.js';
export { ClientSession } from './context/session.js';
export { consumeTcrm, TcrmContext, type ConsumeOptions } from './context/consume.js';
export {
  ProviderController,
  PUBLISHABLE_KEY_HEADER,
  type ProviderSettings,
} from './context/provider-controller.js';
export { createApiClient, type ApiClientOptions, type TcrmApi } from './api/api-client.js';
export { TcrmApiError, type ApiErrorShape } from './api/api-error.js';

export { msg, Translator, type MessageParams } from './i18n/translator.js';
export { loadCatalogue, registerCatalogue, catalogueIfLoaded } from './i18n/catalogues.js';
export { directionOf, languageOf, resolveLocale } from './i18n/locale.js';
export type { Catalogue, MessageKey } from './i18n/messages/en.js';

export { applyAppearance, type Appearance } from './theme/appearance.js';
export { DARK_TOKENS, LIGHT_TOKENS, token, tokenProperty, type TokenName } from './theme/tokens.js';
export { themeStyles } from './theme/theme.styles.js';
export { fieldStyles } from './fields/field.styles.js';
