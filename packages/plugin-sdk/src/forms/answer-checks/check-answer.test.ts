import { describe, expect, it } from 'vitest';
import { PNG_DATA_URL } from '../intake-form.fixture.js';
import type { FormField } from '../items.js';
import { checkAnswer } from './check-answer.js';

const options = { today: '2026-11-28', partial: false, required: false };
const check = (field: FormField, value: unknown, extra: Partial<typeof options> = {}) =>
  checkAnswer(field, value, { ...options, ...extra });
const errorCodes = (field: FormField, value: unknown, extra: Partial<typeof options> = {}) => {
  const result = check(field, value, extra);
  return result.ok
    ? []
    : result.errors.map((error) =>
        'path' in error && error.path !== undefined ? `${error.code}@${error.path}` : error.code,
      );
};
const valueOf = (field: FormField, value: unknown) => {
  const result = check(field, value);
  return result.ok ? result.value : 'ERROR';
};

describe('unanswered values', () => {
  const fields: FormField[] = [
    { type: 'text', id: 'a', label: 'A' },
    { type: 'multi_choice', id: 'b', label: 'B', options: [{ value: 'x', label: 'X' }] },
    {
      type: 'likert',
      id: 'c',
      label: 'C',
      rows: [{ id: 'r', label: 'R' }],
      scale: [{ value: 1, label: '1' }],
    },
    { type: 'address', id: 'd', label: 'D' },
    { type: 'signature', id: 'e', label: 'E' },
    { type: 'file_upload', id: 'f', label: 'F' },
  ];
  it.each([undefined, null])('%s is unanswered for every type', (value) => {
    for (const field of fields) expect(check(field, value)).toEqual({ ok: true });
  });
  it('blank strings, empty arrays and empty objects are unanswered', () => {
    expect(check(fields[0]!, '   ')).toEqual({ ok: true });
    expect(check(fields[1]!, [])).toEqual({ ok: true });
    expect(check(fields[2]!, {})).toEqual({ ok: true });
    expect(check(fields[3]!, { line1: ' ', city: '' })).toEqual({ ok: true });
    expect(check(fields[4]!, {})).toEqual({ ok: true });
    expect(check(fields[5]!, [])).toEqual({ ok: true });
  });
});

describe('text and long_text', () => {
  const name: FormField = {
    type: 'text',
    id: 'n',
    label: 'N',
    minLength: 2,
    maxLength: 5,
    pattern: '[A-Za-zÀ-ÿ]+',
  };
  it('trims, measures code points and matches the whole pattern', () => {
    expect(valueOf(name, '  Zoë ')).toBe('Zoë');
    expect(errorCodes(name, 'A')).toEqual(['too_short']);
    expect(errorCodes(name, 'Abcdef')).toEqual(['too_long']);
    expect(errorCodes(name, 'Ab1')).toEqual(['pattern']); // a partial match is not enough
    expect(errorCodes(name, 42)).toEqual(['wrong_type']);
    expect(errorCodes({ type: 'text', id: 'e', label: 'E', maxLength: 2 }, '😀😀')).toEqual([]);
  });
  it('caps length by default', () => {
    expect(errorCodes({ type: 'text', id: 't', label: 'T' }, 'x'.repeat(1001))).toEqual([
      'too_long',
    ]);
    expect(errorCodes({ type: 'long_text', id: 't', label: 'T' }, 'x'.repeat(20_000))).toEqual([]);
    expect(errorCodes({ type: 'long_text', id: 't', label: 'T' }, 'x'.repeat(20_001))).toEqual([
      'too_long',
    ]);
  });
});

describe('email, phone, date, number', () => {
  const email: FormField = { type: 'email', id: 'e', label: 'E' };
  const phone: FormField = { type: 'phone', id: 'p', label: 'P' };
  const date: FormField = {
    type: 'date',
    id: 'd',
    label: 'D',
    minDate: '2000-01-01',
    maxDate: 'today',
  };
  const number: FormField = { type: 'number', id: 'n', label: 'N', min: 0, max: 10, integer: true };

  it.each(['ada@example.org', "o'neil+tag@mail.co.uk", 'A.B@sub.example.health'])(
    'accepts e-mail %s',
    (value) => {
      expect(errorCodes(email, value)).toEqual([]);
    },
  );
  it.each([
    'ada',
    'ada@',
    '@example.org',
    'ada@example',
    'a..b@example.org',
    'ada @example.org',
    '.ada@example.org',
  ])('rejects e-mail %s', (value) => {
    expect(errorCodes(email, value)).toEqual(['invalid_email']);
  });
  it.each(['+1 (503) 555-0100', '503.555.0100', '+447700900123'])('accepts phone %s', (value) => {
    expect(errorCodes(phone, value)).toEqual([]);
  });
  it.each(['555-01', 'call me', '+1 503 555 0100 0100 0100', '503-555-0100 ext 2'])(
    'rejects phone %s',
    (value) => {
      expect(errorCodes(phone, value)).toEqual(['invalid_phone']);
    },
  );
  it('checks calendar dates and bounds', () => {
    expect(errorCodes(date, '2024-02-29')).toEqual([]);
    expect(errorCodes(date, '2023-02-29')).toEqual(['invalid_date']);
    expect(errorCodes(date, '2023-13-01')).toEqual(['invalid_date']);
    expect(errorCodes(date, '05/17/1990')).toEqual(['invalid_date']);
    expect(errorCodes(date, '1999-12-31')).toEqual(['too_early']);
    expect(errorCodes(date, '2026-11-29')).toEqual(['too_late']);
    expect(errorCodes(date, 19900517)).toEqual(['wrong_type']);
  });
  it('checks numbers without coercion', () => {
    expect(valueOf(number, 0)).toBe(0);
    expect(errorCodes(number, '5')).toEqual(['wrong_type']);
    expect(errorCodes(number, Number.NaN)).toEqual(['wrong_type']);
    expect(errorCodes(number, Number.POSITIVE_INFINITY)).toEqual(['wrong_type']);
    expect(errorCodes(number, 2.5)).toEqual(['not_integer']);
    expect(errorCodes(number, -1)).toEqual(['min']);
    expect(errorCodes(number, 11)).toEqual(['max']);
  });
});

describe('choices', () => {
  const single: FormField = {
    type: 'single_choice',
    id: 's',
    label: 'S',
    options: [
      { value: 'a', label: 'A' },
      { value: 2, label: 'Two' },
    ],
  };
  const multi: FormField = {
    type: 'multi_choice',
    id: 'm',
    label: 'M',
    minSelected: 2,
    maxSelected: 3,
    options: ['a', 'b', 'c', 'd', 'none'].map((value) => ({
      value,
      label: value,
      exclusive: value === 'none',
    })),
  };
  const yesNo: FormField = { type: 'yes_no', id: 'y', label: 'Y' };

  it('single choice takes exactly one option value', () => {
    expect(valueOf(single, 2)).toBe(2);
    expect(errorCodes(single, '2')).toEqual(['invalid_option']);
    expect(errorCodes(single, 'z')).toEqual(['invalid_option']);
    expect(errorCodes(single, ['a'])).toEqual(['wrong_type']);
  });
  it('multi choice checks options, duplicates, bounds and exclusive options', () => {
    expect(valueOf(multi, ['a', 'b'])).toEqual(['a', 'b']);
    expect(errorCodes(multi, 'a')).toEqual(['wrong_type']);
    expect(errorCodes(multi, ['a', { x: 1 }])).toEqual(['wrong_type']);
    expect(errorCodes(multi, ['a', 'z'])).toEqual(['invalid_option']);
    expect(errorCodes(multi, ['a', 'a'])).toEqual(['duplicate_option']);
    expect(errorCodes(multi, ['a'])).toEqual(['too_few_selected']);
    expect(errorCodes(multi, ['a', 'b', 'c', 'd'])).toEqual(['too_many_selected']);
    expect(errorCodes(multi, ['a', 'none'])).toEqual(['exclusive_option']);
  });
  it('yes/no takes a boolean', () => {
    expect(valueOf(yesNo, false)).toBe(false);
    expect(errorCodes(yesNo, 'yes')).toEqual(['wrong_type']);
    expect(errorCodes(yesNo, 0)).toEqual(['wrong_type']);
  });
});

describe('likert', () => {
  const likert: FormField = {
    type: 'likert',
    id: 'l',
    label: 'L',
    rows: [
      { id: 'r1', label: 'R1' },
      { id: 'r2', label: 'R2' },
    ],
    scale: [0, 1, 2, 3].map((value) => ({ value, label: String(value) })),
  };
  it('checks rows and scale values, dropping blank rows', () => {
    expect(valueOf(likert, { r1: 0, r2: null })).toEqual({ r1: 0 });
    expect(errorCodes(likert, { r1: 4 })).toEqual(['invalid_option@r1']);
    expect(errorCodes(likert, { r1: '1' })).toEqual(['invalid_option@r1']);
    expect(errorCodes(likert, { r3: 1 })).toEqual(['invalid_row']);
    expect(errorCodes(likert, { r1: [1] })).toEqual(['wrong_type@r1']);
    expect(errorCodes(likert, [1, 2])).toEqual(['wrong_type']);
  });
  it('requires every row when required, except in drafts', () => {
    expect(errorCodes(likert, { r1: 1 }, { required: true })).toEqual(['required@r2']);
    expect(errorCodes(likert, { r1: 1 }, { required: true, partial: true })).toEqual([]);
  });
});

describe('address', () => {
  const address: FormField = {
    type: 'address',
    id: 'a',
    label: 'A',
    countries: ['US', 'CA'],
    requireRegion: true,
  };
  const home = {
    line1: '1 Main St',
    city: 'Portland',
    region: 'OR',
    postalCode: '97201',
    country: 'us',
  };
  it('cleans parts and upper-cases the country', () => {
    expect(valueOf(address, { ...home, line2: ' ' })).toEqual({ ...home, country: 'US' });
  });
  it('checks parts, country and completeness', () => {
    expect(errorCodes(address, { ...home, country: 'GB' })).toEqual(['invalid_country@country']);
    expect(errorCodes(address, { ...home, country: 'USA' })).toEqual(['invalid_country@country']);
    expect(errorCodes(address, { ...home, city: 7 })).toEqual(['wrong_type@city', 'required@city']);
    expect(errorCodes(address, { ...home, planet: 'Earth' })).toEqual(['unknown_field']);
    expect(errorCodes(address, { ...home, postalCode: '1'.repeat(17) })).toEqual([
      'too_long@postalCode',
    ]);
    expect(errorCodes(address, { city: 'Portland' })).toEqual([
      'required@line1',
      'required@postalCode',
      'required@country',
      'required@region',
    ]);
    expect(errorCodes(address, { city: 'Portland' }, { partial: true })).toEqual([]);
    expect(errorCodes(address, '1 Main St')).toEqual(['wrong_type']);
  });
});

describe('signature and file upload', () => {
  const signature: FormField = { type: 'signature', id: 's', label: 'S', maxBytes: 100 };
  const files: FormField = { type: 'file_upload', id: 'f', label: 'F', maxFiles: 2 };
  it('accepts a PNG data URL or a file id', () => {
    expect(valueOf(signature, { dataUrl: PNG_DATA_URL })).toEqual({ dataUrl: PNG_DATA_URL });
    expect(valueOf(signature, { fileId: 'file_01HZX3K9' })).toEqual({ fileId: 'file_01HZX3K9' });
  });
  it('refuses other images, malformed base64, oversize and extra keys', () => {
    expect(
      errorCodes(signature, { dataUrl: PNG_DATA_URL.replace('image/png', 'image/svg+xml') }),
    ).toEqual(['invalid_signature']);
    expect(errorCodes(signature, { dataUrl: 'data:image/png;base64,@@@@' })).toEqual([
      'invalid_signature',
    ]);
    expect(errorCodes(signature, { dataUrl: `data:image/png;base64,${'A'.repeat(400)}` })).toEqual([
      'too_large',
    ]);
    expect(errorCodes(signature, { dataUrl: PNG_DATA_URL, fileId: 'file_01HZX3K9' })).toEqual([
      'invalid_signature',
    ]);
    expect(errorCodes(signature, { fileId: '../../etc/passwd' })).toEqual(['invalid_file_id']);
    expect(errorCodes(signature, PNG_DATA_URL)).toEqual(['wrong_type']);
  });
  it('checks file ids, duplicates and count', () => {
    expect(valueOf(files, ['file_aaaaaaaa', 'file_bbbbbbbb'])).toEqual([
      'file_aaaaaaaa',
      'file_bbbbbbbb',
    ]);
    expect(errorCodes(files, 'file_aaaaaaaa')).toEqual(['wrong_type']);
    expect(errorCodes(files, [1])).toEqual(['wrong_type']);
    expect(errorCodes(files, ['bad id!'])).toEqual(['invalid_file_id']);
    expect(errorCodes(files, ['file_aaaaaaaa', 'file_aaaaaaaa'])).toEqual(['duplicate_file']);
    expect(errorCodes(files, ['file_aaaaaaaa', 'file_bbbbbbbb', 'file_cccccccc'])).toEqual([
      'too_many_files',
    ]);
    expect(
      errorCodes({ type: 'file_upload', id: 'g', label: 'G' }, ['file_aaaaaaaa', 'file_bbbbbbbb']),
    ).toEqual(['too_many_files']);
  });
});
