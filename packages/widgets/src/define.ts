// Registers every tcrm element. The package root ('.') only exports
// classes; the define modules are the only ones with side effects.
import './provider/define.js';
import './text-field/define.js';
import './textarea/define.js';
import './choice/define.js';
import './yes-no/define.js';
import './likert/define.js';
import './address/define.js';
import './signature/define.js';
import './file-upload/define.js';
import './intake-form/define.js';
import './booking/define.js';
import './booking-manage/define.js';
import type { TcrmAddress } from './address/address.js';
import type { TcrmChoice } from './choice/choice.js';
import type { TcrmFileUpload } from './file-upload/file-upload.js';
import type { TcrmLikert } from './likert/likert.js';
import type { TcrmProvider } from './provider/provider.js';
import type { TcrmSignature } from './signature/signature.js';
import type { TcrmTextField } from './text-field/text-field.js';
import type { TcrmTextarea } from './textarea/textarea.js';
import type { TcrmYesNo } from './yes-no/yes-no.js';

declare global {
  interface HTMLElementTagNameMap {
    'tcrm-provider': TcrmProvider;
    'tcrm-text-field': TcrmTextField;
    'tcrm-textarea': TcrmTextarea;
    'tcrm-choice': TcrmChoice;
    'tcrm-yes-no': TcrmYesNo;
    'tcrm-likert': TcrmLikert;
    'tcrm-address': TcrmAddress;
    'tcrm-signature': TcrmSignature;
    'tcrm-file-upload': TcrmFileUpload;
  }
}
