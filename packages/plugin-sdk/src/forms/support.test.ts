import { describe, expect, it } from 'vitest';
import { isAnswered } from './answers.js';
import { checkUploadedFile, mimeTypeAccepted } from './file-acceptance.js';
import { characterCount, isIsoDate, localIsoDate, pngDataUrlBytes } from './formats.js';
import { intakeForm } from './intake-form.fixture.js';
import type { FileUploadField } from './items.js';
import { localize } from './localized-text.js';
import { prefillAnswers } from './prefill.js';

describe('localize', () => {
  const label = { en: 'First name', es: 'Nombre', 'pt-BR': 'Nome' };
  it('picks the exact tag, then the language, then the fallback, then any', () => {
    expect(localize(label, 'pt-BR')).toBe('Nome');
    expect(localize(label, 'es-MX')).toBe('Nombre');
    expect(localize(label, 'de')).toBe('First name');
    expect(localize({ fr: 'Prénom' }, 'de')).toBe('Prénom');
    expect(localize({}, 'de')).toBe('');
    expect(localize('Plain', 'es')).toBe('Plain');
    expect(localize({ en: 'x' }, 'constructor')).toBe('x');
  });
});

describe('isAnswered', () => {
  it.each([
    [0, true],
    [false, true],
    ['a', true],
    [['x'], true],
    [{ city: 'Portland' }, true],
    [undefined, false],
    [null, false],
    [' ', false],
    [[], false],
    [{ city: ' ' }, false],
  ])('%j → %s', (value, expected) => expect(isAnswered(value)).toBe(expected));
});

describe('formats', () => {
  it('validates calendar dates including leap years', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-4-30')).toBe(false);
  });
  it('formats the local date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
  it('measures PNG data URLs and counts code points', () => {
    expect(pngDataUrlBytes('data:image/png;base64,AAAA')).toBe(3);
    expect(pngDataUrlBytes('data:image/png;base64,AAA=')).toBe(2);
    expect(pngDataUrlBytes('data:image/png;base64,AAA')).toBeUndefined();
    expect(pngDataUrlBytes('data:image/jpeg;base64,AAAA')).toBeUndefined();
    expect(characterCount('añ😀')).toBe(3);
  });
});

describe('file acceptance', () => {
  const field: FileUploadField = {
    type: 'file_upload',
    id: 'card',
    label: 'Card',
    accept: ['image/*', 'application/pdf'],
    maxBytes: 1000,
  };
  it('matches MIME types with wildcards, parameters and case', () => {
    expect(mimeTypeAccepted(field.accept, 'image/png')).toBe(true);
    expect(mimeTypeAccepted(field.accept, 'Application/PDF; charset=binary')).toBe(true);
    expect(mimeTypeAccepted(field.accept, 'imagex/png')).toBe(false);
    expect(mimeTypeAccepted(field.accept, 'text/html')).toBe(false);
    expect(mimeTypeAccepted(undefined, 'text/html')).toBe(true);
  });
  it('reports type and size', () => {
    expect(checkUploadedFile(field, { mimeType: 'image/jpeg', sizeBytes: 1000 })).toEqual([]);
    expect(checkUploadedFile(field, { mimeType: 'text/html', sizeBytes: 1001 })).toEqual([
      { code: 'invalid_file_type', params: { accept: ['image/*', 'application/pdf'] } },
      { code: 'too_large', params: { maxBytes: 1000 } },
    ]);
  });
});

describe('prefillAnswers', () => {
  it('fills fields from the client record and skips values that do not fit', () => {
    const answers = prefillAnswers(intakeForm, {
      'client.firstName': ' Ada ',
      'client.email': 'not-an-email',
      'client.phone': '+1 503 555 0100',
      'client.dateOfBirth': '1990-05-17', // no field prefills it in this form
    });
    expect(answers).toEqual({ first_name: 'Ada', phone: '+1 503 555 0100' });
  });
});
