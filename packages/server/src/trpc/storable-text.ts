// PostgreSQL text cannot hold U+0000, and an unpaired UTF-16 surrogate has no
// UTF-8 form: either makes the database (or the driver) throw, which would
// surface as a 500 after earlier writes of the same request. Refusing such
// input up front, for every procedure, turns that into a clear 400.

/** A high surrogate not followed by a low one, a low one not preceded by a high one, or NUL. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether any string (value or key) anywhere in `input` is unstorable.
 * Iterative, so a hostile nesting depth cannot overflow the stack.
 */
export function hasUnstorableText(input: unknown): boolean {
  const stack: unknown[] = [input];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (UNSTORABLE.test(k)) return true;
        stack.push(item);
      }
    }
  }
  return false;
}
