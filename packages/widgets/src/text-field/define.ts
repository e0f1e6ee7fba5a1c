import { defineElement } from '../internal/define.js';
import { TcrmTextField } from './text-field.js';

defineElement('tcrm-text-field', TcrmTextField);
