// Theme and locale toolbars; the decorator lives with the widgets so it
// resolves lit and the elements from their package.
export { default } from '../packages/widgets/src/storybook/preview.js';
