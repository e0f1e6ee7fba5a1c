import { describe, expect, it } from 'vitest';
import { checkoutReturnUrl } from './checkout.js';

const id = '6f1c0f5e-0000-4000-8000-000000000001';
const fallback = 'https://api.example.test';

describe('checkoutReturnUrl', () => {
  it("returns to the widget's page on the request's origin, keeping its query and dropping the fragment", () => {
    const req = {
      origin: 'https://practice.test',
      returnUrl: 'https://practice.test/book.html?lang=es#times',
    };
    expect(checkoutReturnUrl(req, fallback, id, 'success')).toBe(
      `https://practice.test/book.html?lang=es&booking=${id}&status=success`,
    );
    expect(checkoutReturnUrl(req, fallback, id, 'cancel')).toBe(
      `https://practice.test/book.html?lang=es&booking=${id}&status=cancel`,
    );
  });

  it("ignores a page on another origin (no open redirect) and falls back to the origin's root", () => {
    const req = { origin: 'https://practice.test', returnUrl: 'https://evil.test/phish' };
    expect(checkoutReturnUrl(req, fallback, id, 'success')).toBe(
      `https://practice.test/?booking=${id}&status=success`,
    );
    expect(checkoutReturnUrl({ origin: null }, fallback, id, 'cancel')).toBe(
      `${fallback}/?booking=${id}&status=cancel`,
    );
    expect(checkoutReturnUrl({ origin: 'null' }, fallback, id, 'cancel')).toBe(
      `${fallback}/?booking=${id}&status=cancel`,
    );
  });

  it('overrides booking/status parameters a page already had', () => {
    const req = {
      origin: 'https://practice.test',
      returnUrl: `https://practice.test/b?booking=old&status=cancel`,
    };
    expect(checkoutReturnUrl(req, fallback, id, 'success')).toBe(
      `https://practice.test/b?booking=${id}&status=success`,
    );
  });
});
