/**
 * The four looks every element is reviewed in: light, dark, right to
 * left, Spanish. Story files export one story per look with these
 * globals (Storybook's indexer needs plain `export const` stories).
 */
export const LIGHT = { theme: 'light', locale: 'en' };
export const DARK = { theme: 'dark', locale: 'en' };
export const RTL = { theme: 'light', locale: 'ar' };
export const SPANISH = { theme: 'light', locale: 'es' };
