// A pg Client that runs its promise-style queries one after another itself.
//
// Why: Prisma's query interpreter loads sibling relations of one query at
// once (its `join` node awaits the child queries with Promise.all). Outside a
// transaction each goes to its own pooled connection; inside an interactive
// transaction they all go to the transaction's single connection, where pg
// queues the second query itself, a behaviour deprecated since pg 8.x
// ("Calling client.query() when the client is already executing a query")
// and to be removed in pg 9. Queuing here is the "external async flow
// control" pg asks for: same order, same connection, no warning.
//
// Callback and Submittable (cursor, stream) calls pass straight through:
// pg-pool's own `pool.query` uses the callback form on a connection it has
// just checked out for that one query.
import pg from 'pg';

export class SerialClient extends pg.Client {
  private tail: Promise<unknown> = Promise.resolve();
}

const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

SerialClient.prototype.query = function serialQuery(this: SerialClient, ...args: unknown[]) {
  const first = args[0] as { submit?: unknown } | undefined;
  if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') {
    return query.apply(this, args);
  }
  const self = this as unknown as { tail: Promise<unknown> };
  const run = self.tail.then(() => query.apply(this, args) as Promise<unknown>);
  self.tail = run.catch(() => undefined);
  return run;
} as typeof pg.Client.prototype.query;
