import { defineElement } from '../internal/define.js';
import { TcrmLikert } from './likert.js';

defineElement('tcrm-likert', TcrmLikert);
