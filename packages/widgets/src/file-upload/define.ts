import { defineElement } from '../internal/define.js';
import { TcrmFileUpload } from './file-upload.js';

defineElement('tcrm-file-upload', TcrmFileUpload);
