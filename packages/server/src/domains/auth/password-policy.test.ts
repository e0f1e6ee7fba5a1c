import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import { assertPasswordAllowed, findPasswordProblem } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['short-pass1', 'too_short'],
    ['x'.repeat(257) + 'abcde', 'too_long'],
    ['aaaaaaaaaaaaaaaa', 'too_simple'],
    ['121212121212', 'too_simple'],
    ['password1234', 'common'],
    ['Password123!', 'common'],
    ['P@ssw0rd2024!', 'common'],
    ['Summer2024!!', 'common'],
    ['iloveyou2024', 'common'],
    ['123456789012', 'common'],
    ['qwertyuiop123', 'common'],
    ['monkeymonkeymonkey', 'common'],
    ['correcthorsebatterystaple', 'common'],
    ['!!Sunshine1234', 'common'],
    ['1qaz2wsx3edc', 'common'],
  ])('refuses %j (%s)', (password, reason) => {
    expect(findPasswordProblem(password)).toBe(reason);
  });

  it('refuses a password containing the e-mail local part or a long piece of it', () => {
    expect(findPasswordProblem('my-jane.doe-secret-42', 'Jane.Doe@example.test')).toBe('contains_email');
    expect(findPasswordProblem('welcome-doe-is-here-42', 'jane.doe@example.test')).toBe(null);
    expect(findPasswordProblem('janet-was-here-in-2019', 'janet@example.test')).toBe('contains_email');
  });

  it.each(['violet-harbour-lantern-42', 'tidal orchard velvet', 'Gr8-Expectations-for-Dinner', 'ñandú-pájaro-corre-rápido'])(
    'accepts %j',
    (password) => {
      expect(findPasswordProblem(password, 'someone@example.test')).toBe(null);
    },
  );

  it('counts characters, not UTF-16 units, for the length rules', () => {
    expect(findPasswordProblem('🦊🐻🦉🐝🐢🐙🦋🐌🦀🐠🦔')).toBe('too_short');
    expect(findPasswordProblem('🦊🐻🦉🐝🐢🐙🦋🐌🦀🐠🦔🦜')).toBe(null);
  });

  it('throws VALIDATION_FAILED with a reason detail', () => {
    try {
      assertPasswordAllowed('letmein12345');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'password', reason: 'common' } });
    }
  });
});
