/** Escapes text for an HTML attribute value in double quotes. */
function attr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The HTML a practice pastes into its site: the one-file widget bundle
 * from this server and the intake form element with its key. `api-url`
 * names the server, since the page lives on another origin.
 */
export function embedSnippet(
  serverOrigin: string,
  formKey: string,
  publishableKey: string,
): string {
  const origin = serverOrigin.replace(/\/+$/, '');
  return [
    `<script type="module" src="${attr(origin)}/widgets/tcrm-widgets.js"></script>`,
    `<tcrm-intake-form form-key="${attr(formKey)}" publishable-key="${attr(publishableKey)}" api-url="${attr(origin)}"></tcrm-intake-form>`,
  ].join('\n');
}

/** Origins typed one per line; the invalid lines, for a message before the server is asked. */
export function parseOrigins(text: string): { origins: string[]; invalid: string[] } {
  const lines = text
    .split(/\s+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const invalid = lines.filter((line) => {
    try {
      const url = new URL(line);
      return !(url.protocol === 'https:' || url.protocol === 'http:') || url.origin !== line;
    } catch {
      return true;
    }
  });
  return { origins: [...new Set(lines)], invalid };
}
