// Calling tRPC procedures over real HTTP the way @trpc/client does (GET with
// `?input=` for queries, POST JSON for mutations, `?batch=1` for batches),
// but with full control over the raw input so malformed JSON can be sent.

export type RawInput = { raw: string } | { value: unknown };

export interface HttpAnswer {
  status: number;
  text: string;
  headers: Headers;
}

const encode = (input: RawInput): string | undefined =>
  'raw' in input ? input.raw : input.value === undefined ? undefined : JSON.stringify(input.value);

/** The batch input text `{"0": …, "1": …}` built from raw parts (raw JSON may be malformed on purpose). */
const batchText = (inputs: RawInput[]) => `{${inputs.map((i, n) => `"${n}":${encode(i) ?? 'null'}`).join(',')}}`;

export async function callTrpc(
  base: string,
  path: string,
  type: 'query' | 'mutation',
  inputs: RawInput[],
  headers: Record<string, string>,
): Promise<HttpAnswer> {
  const batch = inputs.length > 1;
  const paths = batch ? inputs.map(() => path).join(',') : path;
  const text = batch ? batchText(inputs) : encode(inputs[0]!);
  let url = `${base}/trpc/${paths}${batch ? '?batch=1' : ''}`;
  let init: RequestInit;
  if (type === 'query') {
    if (text !== undefined) url += `${batch ? '&' : '?'}input=${encodeURIComponent(text)}`;
    init = { method: 'GET', headers };
  } else {
    init = { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: text ?? '' };
  }
  const res = await fetch(url, init);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** HTTP statuses of every answer in a (batched or single) tRPC response body. */
export function itemStatuses(answer: HttpAnswer): number[] {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [answer.status];
  }
  const items = Array.isArray(body) ? body : [body];
  return items.map((item: { error?: { data?: { httpStatus?: number } }; result?: unknown }) =>
    item?.error ? (item.error.data?.httpStatus ?? answer.status) : item?.result !== undefined ? 200 : answer.status,
  );
}

/** Signs of internals in a response: stack frames, source paths, module names. */
export function internalsIn(text: string): string[] {
  const patterns: [string, RegExp][] = [
    ['stack frame', /\bat [\w$.<>]+ \(|\n\s+at /],
    ['source path', /(?:\/work\/|\/home\/|\/usr\/|[A-Z]:\\)[^\s"]*|\.[cm]?[tj]s:\d+/],
    ['module name', /node_modules|@prisma\/|prisma\.\w+\.\w+\(|PrismaClient/],
    ['SQL', /\b(?:SELECT|INSERT|UPDATE) .* (?:FROM|INTO|SET) /],
  ];
  return patterns.filter(([, re]) => re.test(text)).map(([name]) => name);
}
