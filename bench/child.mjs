/**
 * A long-lived child process that the bench talks to over stdin/stdout: one request line in, one
 * answer line out (run.mjs's `worker.mjs serve`, http.mjs's gateway child). `answer(line)` turns an
 * output line into its answer, or undefined for a line that is not one (a gateway's own log).
 */
import { createInterface } from 'node:readline';

export function lineChild(child, answer, ended) {
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw ended();
      const a = answer(value);
      if (a !== undefined) return a;
    }
  };
  const ask = (request) => {
    child.stdin.write(`${request}\n`);
    return next();
  };
  return {
    next,
    ask,
    /** Asks the child to quit, and waits for its last answer and its exit. */
    quit: async () => {
      const last = await ask('quit');
      child.stdin.end();
      await new Promise((res) => (child.exitCode !== null ? res() : child.once('exit', res)));
      return last;
    },
    /** After a failure: ends this child (and only this one) so that the bench can go on. */
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}
