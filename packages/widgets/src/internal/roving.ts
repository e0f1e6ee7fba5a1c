/**
 * Index to move to for an arrow key in a one-dimensional list, or
 * undefined when the key is not one. Left/right follow the reading
 * direction, so in RTL the left arrow goes forward. Wraps like native radios.
 */
export function nextIndex(
  key: string,
  index: number,
  count: number,
  rtl: boolean,
): number | undefined {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward || key === 'ArrowDown') return (index + 1) % count;
  if (key === backward || key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/** True when the element (or an ancestor across shadow roots) lays out right to left. */
export function isRtl(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}
