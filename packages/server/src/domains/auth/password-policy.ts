// Password rules for staff accounts (OWASP ASVS 5.0 §6.2 / NIST 800-63B):
// length 12–256, no composition rules, but refuse passwords that are common,
// breached, trivially repetitive or built from the account's e-mail address.
import fs from 'node:fs';
import { DomainError } from '../../errors.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'too_simple' | 'contains_email';

const MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
  common: 'This password is too common or has appeared in data breaches; choose another',
  too_simple: 'This password repeats too few characters; choose another',
  contains_email: 'The password must not contain your e-mail address',
};

let commonPasswords: Set<string> | undefined;

/** Loaded on first use: ~2.5k entries, a few tens of KB. */
function commonPasswordSet(): Set<string> {
  if (!commonPasswords) {
    const text = fs.readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    commonPasswords = new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return commonPasswords;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '0': 'o', $: 's', '5': 's', '7': 't', '!': 'i', '1': 'i' };

function unleet(s: string, one: 'i' | 'l'): string {
  return s.replace(/[@430$57!1]/g, (c) => (c === '1' ? one : (LEET[c] ?? c)));
}

/**
 * The forms a guesser tries first: the password itself, without the digits and
 * symbols people append or prepend ("Summer2024!"), with common character
 * swaps undone ("p@ssw0rd"), and a repeated word reduced to one copy.
 */
function guessableForms(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const forms = new Set([lower, core, unleet(core, 'i'), unleet(core, 'l'), unleet(lower, 'i'), unleet(lower, 'l')]);
  for (const f of [...forms]) {
    const unit = /^(.+?)\1+$/.exec(f)?.[1];
    if (unit) forms.add(unit);
    forms.add(f.replace(/[^a-z0-9]/g, ''));
  }
  // Very short cores ("a" in "a123456789012") say nothing on their own.
  return [...forms].filter((f) => f.length >= 4 || f === lower);
}

/** Returns the first problem found, or null when the password is acceptable. */
export function findPasswordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (new Set(password.toLowerCase()).size < 5) return 'too_simple';
  const common = commonPasswordSet();
  if (guessableForms(password).some((f) => common.has(f))) return 'common';
  if (email) {
    const lower = password.toLowerCase();
    const local = email.trim().toLowerCase().split('@')[0] ?? '';
    const pieces = [local, ...local.split(/[._+-]+/)].filter((p) => p.length >= 4);
    if (pieces.some((p) => lower.includes(p))) return 'contains_email';
  }
  return null;
}

/** Throws VALIDATION_FAILED with `details.reason` when the password is refused. */
export function assertPasswordAllowed(password: string, email?: string): void {
  const problem = findPasswordProblem(password, email);
  if (problem) {
    throw new DomainError('VALIDATION_FAILED', MESSAGES[problem], { field: 'password', reason: problem });
  }
}
