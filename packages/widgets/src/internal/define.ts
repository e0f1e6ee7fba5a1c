/**
 * Registers a tag unless it is already taken, so two copies of the bundle
 * on one page (or a host that registered first) do not throw.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
