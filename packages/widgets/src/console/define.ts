// Registers the console's elements (the preview registers the widget fields
// it renders). Only the console entry imports this; widget bundles never do.
import { defineElement } from '../internal/define.js';
import { TcrmConsoleApp } from './console-app.js';
import { ConsoleSignInView } from './views/sign-in-view.js';
import { ConsoleInboxView } from './views/inbox-view.js';
import { ConsoleSubmissionView } from './views/submission-view.js';
import { ConsoleFormsView } from './views/forms-view.js';
import { ConsoleFormEditorView } from './views/form-editor-view.js';
import { ConsoleFormPreview } from './views/form-preview.js';
import { ConsoleSettingsView } from './views/settings-view.js';
import { ConsoleCalendarView } from './views/calendar-view.js';
import { ConsoleAvailabilityView } from './views/availability-view.js';
import { ConsoleAvailabilityDates } from './views/availability-dates.js';
import { ConsoleAppointmentTypesView } from './views/appointment-types-view.js';
import { ConsolePaymentsView } from './views/payments-view.js';
import { ConsoleAppointmentCancel } from './views/appointment-cancel.js';

defineElement('tcrm-console-app', TcrmConsoleApp);
defineElement('tcrm-console-sign-in', ConsoleSignInView);
defineElement('tcrm-console-inbox', ConsoleInboxView);
defineElement('tcrm-console-submission', ConsoleSubmissionView);
defineElement('tcrm-console-forms', ConsoleFormsView);
defineElement('tcrm-console-form-editor', ConsoleFormEditorView);
defineElement('tcrm-console-form-preview', ConsoleFormPreview);
defineElement('tcrm-console-settings', ConsoleSettingsView);
defineElement('tcrm-console-calendar', ConsoleCalendarView);
defineElement('tcrm-console-availability', ConsoleAvailabilityView);
defineElement('tcrm-console-availability-dates', ConsoleAvailabilityDates);
defineElement('tcrm-console-appointment-types', ConsoleAppointmentTypesView);
defineElement('tcrm-console-payments', ConsolePaymentsView);
defineElement('tcrm-console-appointment-cancel', ConsoleAppointmentCancel);

declare global {
  interface HTMLElementTagNameMap {
    'tcrm-console-app': TcrmConsoleApp;
    'tcrm-console-sign-in': ConsoleSignInView;
    'tcrm-console-inbox': ConsoleInboxView;
    'tcrm-console-submission': ConsoleSubmissionView;
    'tcrm-console-forms': ConsoleFormsView;
    'tcrm-console-form-editor': ConsoleFormEditorView;
    'tcrm-console-form-preview': ConsoleFormPreview;
    'tcrm-console-settings': ConsoleSettingsView;
    'tcrm-console-calendar': ConsoleCalendarView;
    'tcrm-console-availability': ConsoleAvailabilityView;
    'tcrm-console-availability-dates': ConsoleAvailabilityDates;
    'tcrm-console-appointment-types': ConsoleAppointmentTypesView;
    'tcrm-console-payments': ConsolePaymentsView;
    'tcrm-console-appointment-cancel': ConsoleAppointmentCancel;
  }
}
