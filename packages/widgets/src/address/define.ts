import { defineElement } from '../internal/define.js';
import { TcrmAddress } from './address.js';

defineElement('tcrm-address', TcrmAddress);
