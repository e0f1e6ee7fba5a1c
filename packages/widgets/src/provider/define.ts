import { defineElement } from '../internal/define.js';
import { TcrmProvider } from './provider.js';

defineElement('tcrm-provider', TcrmProvider);
