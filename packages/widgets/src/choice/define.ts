import { defineElement } from '../internal/define.js';
import { TcrmChoice } from './choice.js';

defineElement('tcrm-choice', TcrmChoice);
