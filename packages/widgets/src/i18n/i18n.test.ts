import { expect } from '@open-wc/testing';
import { catalogueIfLoaded, loadCatalogue, registerCatalogue } from './catalogues.js';
import { directionOf, languageOf, resolveLocale } from './locale.js';
import { en } from './messages/en.js';
import { msg, Translator } from './translator.js';

describe('i18n', () => {
  it('fills parameters and leaves unknown ones visible', () => {
    expect(msg(en, 'error.too_short', { minLength: 3 })).to.equal('Enter at least 3 characters.');
    expect(msg(en, 'error.too_short')).to.equal('Enter at least {minLength} characters.');
  });

  it('loads Spanish on demand, with every English key', async () => {
    const es = await loadCatalogue('es');
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
    expect(catalogueIfLoaded('es')).to.equal(es);
    expect(new Translator('es-MX', es).t('error.required')).to.equal('Este campo es obligatorio.');
  });

  it('falls back to English for a language without a catalogue', () => {
    expect(catalogueIfLoaded('de')).to.equal(en);
  });

  it('lets a host add a language, lazily', async () => {
    registerCatalogue('ar', async () => ({ ...en, 'error.required': 'هذا الحقل مطلوب.' }));
    expect(catalogueIfLoaded('ar')).to.equal(undefined);
    expect((await loadCatalogue('ar'))['error.required']).to.equal('هذا الحقل مطلوب.');
  });

  it('translates plugin-SDK field errors with local dates, sizes and part names', () => {
    const t = new Translator('en-US');
    expect(t.error({ code: 'too_late', params: { maxDate: '2026-03-01' } })).to.equal(
      'Enter a date on or before March 1, 2026.',
    );
    expect(t.error({ code: 'too_large', params: { maxBytes: 5_000_000 } })).to.equal(
      'The file must be 5 MB or smaller.',
    );
    expect(
      t.error({ code: 'invalid_file_type', params: { accept: ['application/pdf', 'image/*'] } }),
    ).to.equal('Choose a file of type application/pdf, image/*.');
    expect(
      t.error({ code: 'required', path: 'city' }, (p) => (p === 'city' ? 'City' : undefined)),
    ).to.equal('City: This field is required.');
  });

  it('writes numbers in the locale’s digits', () => {
    expect(new Translator('en').error({ code: 'max', params: { max: 12000 } })).to.equal(
      'Enter 12,000 or less.',
    );
    expect(new Translator('ar-EG').error({ code: 'min', params: { min: 5 } })).to.equal(
      'Enter ٥ or more.',
    );
  });

  it('knows the direction of RTL languages', () => {
    expect(['ar-EG', 'he', 'fa-IR', 'ur', 'en', 'es'].map(directionOf)).to.deep.equal([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
    ]);
    expect(languageOf('es_MX')).to.equal('es');
  });

  it('resolves the locale: first given, else the browser', () => {
    expect(resolveLocale(undefined, 'es', 'en')).to.equal('es');
    expect(resolveLocale(undefined, '')).to.equal(navigator.language);
  });
});
