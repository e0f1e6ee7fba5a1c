// The real CLI (`therapycrm start`, src/main.ts) as an OS process that the
// test kills with SIGKILL and starts again on the same database and data dir.
// Each start listens on a port the OS picks (PORT=0); loops ask `base()`.
import type { ChildProcess } from 'node:child_process';
import { killHard, spawnTs, waitForLine } from '../multi-instance/processes.js';

export class CrashingServer {
  private child: ChildProcess | null = null;
  private current: string | null = null;
  private up: Promise<void> = Promise.resolve();
  private markUp: () => void = () => undefined;
  private disposed = false;
  /** Wall-clock milliseconds each start took (process spawn to listening). */
  readonly startMs: number[] = [];

  constructor(private readonly env: Record<string, string>) {}

  /** The base URL of the running server, waiting while it is down. */
  async base(): Promise<string> {
    for (;;) {
      if (this.disposed) throw new Error('server disposed');
      if (this.current) return this.current;
      await this.up;
    }
  }

  get running(): boolean {
    return this.current !== null;
  }

  async start(): Promise<void> {
    const began = Date.now();
    const child = spawnTs('src/main.ts', ['start'], { ...this.env, PORT: '0', HOST: '127.0.0.1' });
    this.child = child;
    // The banner's API line carries the port the OS chose.
    const [, port] = await waitForLine(child, /API:\s+http:\/\/[^:/]+:(\d+)\/trpc/, 60_000);
    this.startMs.push(Date.now() - began);
    this.current = `http://127.0.0.1:${port}`;
    this.markUp();
  }

  /** kill -9: no shutdown handler runs, open transactions are cut off. */
  async killNine(): Promise<void> {
    this.up = new Promise((resolve) => (this.markUp = resolve));
    this.current = null;
    if (this.child) await killHard(this.child);
    this.child = null;
  }

  /** Cleanup (also after a failure): kill whatever is still running and release waiters. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.markUp();
    if (this.child) await killHard(this.child);
    this.child = null;
    this.current = null;
  }
}
