import { describe, expect, it } from 'vitest';
import { isPluginError, type PluginErrorCode } from './errors.js';
import type { PluginManifest } from './plugin-manifest.js';
import { definePlugin } from './plugin.js';

const manifest = {
  id: 'org.example.reminders',
  name: 'Reminders',
  version: '1.0.0',
  events: ['client.created'],
  permissions: [],
} as const;

/** Calls definePlugin with JavaScript-shaped (untyped) input, as a plugin loaded from disk would. */
function defineUntyped(spec: { manifest: unknown; handlers: unknown; scorers?: unknown }) {
  return definePlugin(spec as unknown as Parameters<typeof definePlugin>[0]);
}

function codeOf(run: () => unknown): PluginErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return isPluginError(error) ? error.code : 'no error';
  }
}

describe('definePlugin at run time', () => {
  it('returns a frozen definition', () => {
    const plugin = definePlugin({ manifest, handlers: { 'client.created': () => {} } });
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(Object.isFrozen(plugin.handlers)).toBe(true);
    expect(plugin.manifest).toEqual(manifest);
    expect(plugin.scorers).toEqual({});
  });

  it.each<[string, Partial<PluginManifest> | Record<string, unknown>, PluginErrorCode]>([
    ['an upper-case id', { id: 'Org.Example' }, 'invalid_manifest'],
    ['an empty name', { name: ' ' }, 'invalid_manifest'],
    ['a non-semver version', { version: 'v1' }, 'invalid_manifest'],
    ['an unknown event', { events: ['client.deleted'] }, 'unknown_event'],
    ['a duplicated event', { events: ['client.created', 'client.created'] }, 'invalid_manifest'],
    ['an unknown permission', { permissions: ['clients:write'] }, 'unknown_permission'],
    ['permissions that are not a list', { permissions: 'intake:read' }, 'invalid_manifest'],
  ])('refuses %s', (_name, change, code) => {
    expect(
      codeOf(() =>
        defineUntyped({
          manifest: { ...manifest, ...change },
          handlers: { 'client.created': () => {} },
        }),
      ),
    ).toBe(code);
  });

  it('requires exactly one function per declared event', () => {
    expect(codeOf(() => defineUntyped({ manifest, handlers: {} }))).toBe('missing_handler');
    expect(
      codeOf(() =>
        defineUntyped({
          manifest,
          handlers: { 'client.created': () => {}, 'message.received': () => {} },
        }),
      ),
    ).toBe('undeclared_handler');
    expect(
      codeOf(() => defineUntyped({ manifest, handlers: { 'client.created': 'not a function' } })),
    ).toBe('invalid_handler');
  });

  it('requires intake:read and a complete shape for scorers', () => {
    const scorer = { appliesTo: () => true, score: () => null };
    expect(
      codeOf(() =>
        defineUntyped({
          manifest,
          handlers: { 'client.created': () => {} },
          scorers: { phq9: scorer },
        }),
      ),
    ).toBe('scorer_requires_permission');
    const reader = { ...manifest, permissions: ['intake:read'] };
    expect(
      codeOf(() =>
        defineUntyped({
          manifest: reader,
          handlers: { 'client.created': () => {} },
          scorers: { phq9: { score: () => null } },
        }),
      ),
    ).toBe('invalid_scorer');
    expect(
      codeOf(() =>
        defineUntyped({
          manifest: reader,
          handlers: { 'client.created': () => {} },
          scorers: { phq9: scorer },
        }),
      ),
    ).toBe('no error');
  });
});
