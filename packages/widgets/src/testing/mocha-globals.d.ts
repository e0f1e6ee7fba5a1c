// The few Mocha globals the tests use (wtr runs Mocha in the browser);
// declared here rather than adding @types/mocha for four signatures.
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<void>): void;
declare function before(body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;
