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
  'tcrm-booking-manage': 'src/booking-manage/define.ts',
};

/** The one file a page loads with a single <script type="module"> tag. */
export const SCRIPT_BUNDLE = { name: 'tcrm-widgets', entry: 'src/define.ts' };

/**
 * Replaces Vite's module-preload helper (~0.5 KB min+gzip in every entry with
 * a dynamic import) by a plain call: the builds set `modulePreload: false`, so
 * the helper never has dependencies to preload, and a library must not add
 * `<link>`s or `vite:preloadError` events to the host page anyway.
 */
export const noPreloadHelper = {
  name: 'tcrm-no-preload-helper',
  enforce: 'pre',
  resolveId: (id) => (id === '\0vite/preload-helper.js' ? id : null),
  load: (id) =>
    id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : null,
};

/**
 * Modules a widget always loads before it first renders, though through a
 * dynamic import: the size report counts their chunks (with their static
 * imports) in the widget's initial weight, not as lazy. The intake form loads
 * each field element by the types its definition uses; they all share the
 * field base.
 */
export const FIRST_RENDER = {
  'tcrm-intake-form': ['src/fields/field.ts'],
};
