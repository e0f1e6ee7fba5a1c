// The browser-safe part of the forms contract: types and dependency-free
// functions only (no zod), so `@therapycrm/plugin-sdk/forms` stays tiny.
export type { LocalizedText } from './localized-text.js';
export { localize } from './localized-text.js';
export type {
  AllCondition,
  AnyCondition,
  Condition,
  ConditionOperator,
  ConditionValue,
  FieldCondition,
  NotCondition,
} from './condition.js';
export { CONDITION_OPERATORS, forEachFieldCondition } from './condition.js';
export type { PrefillKey } from './prefill-keys.js';
export { PREFILL_KEYS } from './prefill-keys.js';
export type {
  AddressField,
  ChoiceOption,
  DateField,
  EmailField,
  FieldBase,
  FieldType,
  FileUploadField,
  FormField,
  FormItem,
  LikertField,
  LikertRow,
  LongTextField,
  MultiChoiceField,
  NumberField,
  PhoneField,
  SectionItem,
  SignatureField,
  SingleChoiceField,
  StaticItem,
  StaticItemType,
  StaticTextItem,
  TextField,
  TextRules,
  YesNoField,
} from './items.js';
export {
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_SIGNATURE_MAX_BYTES,
  DEFAULT_TEXT_MAX_LENGTH,
  FIELD_TYPES,
  isFormField,
  STATIC_ITEM_TYPES,
} from './items.js';
export type { FormDefinition, FormPage } from './definition.js';
export { formFields, formItems } from './definition.js';
export type {
  AddressAnswer,
  AnswerByFieldType,
  AnswerFor,
  AnswerValue,
  ChoiceValue,
  FormAnswers,
  LikertAnswer,
  SignatureAnswer,
} from './answers.js';
export { isAnswered } from './answers.js';
export type {
  ExpectedAnswerType,
  FieldError,
  FieldErrorCode,
  FieldErrors,
} from './field-errors.js';
export { FORM_ERROR_KEY } from './field-errors.js';
export type { AnswerLookup } from './conditions-evaluate.js';
export { evaluateCondition } from './conditions-evaluate.js';
export {
  effectiveAnswers,
  isRequired,
  isVisible,
  visibilityOf,
  visibleFields,
  visibleItems,
  visiblePages,
} from './evaluate.js';
export type { AnswersValidation, ValidateAnswersOptions } from './validate-answers.js';
export { validateAnswers, validatePage } from './validate-answers.js';
export type { UploadedFileFacts } from './file-acceptance.js';
export { checkUploadedFile, mimeTypeAccepted } from './file-acceptance.js';
export type { PrefillValues } from './prefill.js';
export { prefillAnswers } from './prefill.js';
export type { DefinitionIssue, DefinitionIssueReason } from './rules/definition-issue.js';
export { checkFormDefinitionRules } from './rules/definition-rules.js';
export { isEmailAddress, isIsoDate, isPhoneNumber, localIsoDate } from './formats.js';
