import { defineElement } from '../internal/define.js';
import { TcrmSignature } from './signature.js';

defineElement('tcrm-signature', TcrmSignature);
