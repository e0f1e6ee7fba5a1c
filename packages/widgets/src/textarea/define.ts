import { defineElement } from '../internal/define.js';
import { TcrmTextarea } from './textarea.js';

defineElement('tcrm-textarea', TcrmTextarea);
