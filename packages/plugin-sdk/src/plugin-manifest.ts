import { PluginError } from './errors.js';
import { isPluginEventName, type PluginEventName } from './events.js';
import { isPluginPermission, type PluginPermission } from './permissions.js';

/**
 * Who a plugin is and what it needs. The practice reviews `permissions`
 * when installing; the server delivers only `events`.
 */
export interface PluginManifest<
  E extends PluginEventName = PluginEventName,
  P extends PluginPermission = PluginPermission,
> {
  /** Lower-case dotted or dashed id, e.g. `org.example.phq9` or `phq9-scoring`. */
  readonly id: string;
  readonly name: string;
  /** Semantic version, e.g. `1.2.0`. */
  readonly version: string;
  readonly description?: string;
  readonly events: readonly E[];
  readonly permissions: readonly P[];
}

const PLUGIN_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * Checks a manifest at run time (plugins may be written in JavaScript or
 * loaded from disk); throws a {@link PluginError} naming the problem.
 */
export function assertValidManifest(manifest: PluginManifest): void {
  if (typeof manifest !== 'object' || manifest === null)
    throw new PluginError('invalid_manifest', 'Manifest must be an object');
  if (typeof manifest.id !== 'string' || manifest.id.length > 100 || !PLUGIN_ID.test(manifest.id)) {
    throw new PluginError(
      'invalid_manifest',
      'Manifest id must be lower-case letters and digits separated by "." or "-"',
      { field: 'id' },
    );
  }
  if (
    typeof manifest.name !== 'string' ||
    manifest.name.trim() === '' ||
    manifest.name.length > 100
  ) {
    throw new PluginError('invalid_manifest', 'Manifest name must be 1–100 characters', {
      field: 'name',
    });
  }
  if (typeof manifest.version !== 'string' || !SEMVER.test(manifest.version)) {
    throw new PluginError(
      'invalid_manifest',
      'Manifest version must be a semantic version such as 1.0.0',
      { field: 'version' },
    );
  }
  checkNames(manifest.events, isPluginEventName, 'unknown_event', 'events');
  checkNames(manifest.permissions, isPluginPermission, 'unknown_permission', 'permissions');
}

function checkNames(
  names: unknown,
  known: (name: string) => boolean,
  code: 'unknown_event' | 'unknown_permission',
  field: string,
): void {
  if (!Array.isArray(names))
    throw new PluginError('invalid_manifest', `Manifest ${field} must be an array`, { field });
  const unknown = names.filter((name) => typeof name !== 'string' || !known(name)).map(String);
  if (unknown.length > 0)
    throw new PluginError(code, `Unknown ${field}: ${unknown.join(', ')}`, {
      field,
      names: unknown,
    });
  if (new Set(names).size !== names.length)
    throw new PluginError('invalid_manifest', `Manifest ${field} lists a name twice`, { field });
}
