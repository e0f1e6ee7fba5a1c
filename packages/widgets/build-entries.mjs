// The built files and the source module that registers each. Shared by
// vite.config.ts (the real build) and scripts/size.mjs (the size report),
// so the report measures exactly what is shipped.
export const ELEMENT_ENTRIES = {
  'tcrm-provider': 'src/provider/define.ts',
  'tcrm-text-field': 'src/text-field/define.ts',
  'tcrm-textarea': 'src/textarea/define.ts',
  'tcrm-choice': 'src/choice/define.ts',
  'tcrm-yes-no': 'src/yes-no/define.ts',
  'tcrm-likert': 'src/likert/define.ts',
  'tcrm-address': 'src/address/define.ts',
  'tcrm-signature': 'src/signature/define.ts',
  'tcrm-file-upload': 'src/file-upload/define.ts',
  'tcrm-intake-form': 'src/intake-form/define.ts',
  'tcrm-booking': 'src/booking/define.ts',
};

/** The one file a page loads with a single <script type="module"> tag. */
export const SCRIPT_BUNDLE = { name: 'tcrm-widgets', entry: 'src/define.ts' };
