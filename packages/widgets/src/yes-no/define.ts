import { defineElement } from '../internal/define.js';
import { TcrmYesNo } from './yes-no.js';

defineElement('tcrm-yes-no', TcrmYesNo);
