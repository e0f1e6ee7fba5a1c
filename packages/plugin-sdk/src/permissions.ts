/** What a permission lets a plugin do, for the console's permission review. */
export interface PluginPermissionInfo {
  readonly access: 'read' | 'write';
  /** True when using the permission exposes protected health information to the plugin. */
  readonly phi: boolean;
}

/** Every permission a plugin can request, with what it exposes. */
export const PLUGIN_PERMISSION_INFO = {
  'intake:read': { access: 'read', phi: true },
  'clients:read': { access: 'read', phi: true },
  'appointments:read': { access: 'read', phi: true },
  'appointments:write': { access: 'write', phi: true },
  'consents:read': { access: 'read', phi: true },
  'payments:read': { access: 'read', phi: true },
  'messages:send': { access: 'write', phi: true },
  'alerts:write': { access: 'write', phi: false },
} as const satisfies Readonly<Record<string, PluginPermissionInfo>>;

/** A permission name such as `intake:read`. */
export type PluginPermission = keyof typeof PLUGIN_PERMISSION_INFO;

/** Every permission name. */
export const PLUGIN_PERMISSIONS = Object.keys(
  PLUGIN_PERMISSION_INFO,
) as readonly PluginPermission[];

/** True when `name` is a known permission. */
export function isPluginPermission(name: string): name is PluginPermission {
  return Object.hasOwn(PLUGIN_PERMISSION_INFO, name);
}
