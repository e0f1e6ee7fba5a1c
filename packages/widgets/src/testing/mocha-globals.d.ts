// The Mocha globals the tests use (wtr runs Mocha in the browser), declared
// here rather than adding @types/mocha for a handful of signatures.
interface MochaContext {
  timeout(ms: number): void;
  slow(ms: number): void;
  retries(count: number): void;
  skip(): never;
}
type MochaBody = (this: MochaContext) => void | Promise<void>;
declare function describe(title: string, body: (this: MochaContext) => void): void;
declare function it(title: string, body: MochaBody): void;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
