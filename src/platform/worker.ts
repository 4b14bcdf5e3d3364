import { Worker } from 'node:worker_threads';

/**
 * Start the worker thread whose entry module is `name` beside the module at `from` (its
 * import.meta.url). Compiled, that is `<name>.js`. From source (tests, `npm run dev`) it is
 * `<name>.ts`, loaded through tsx's hooks, which a worker thread has to register itself: tsx's
 * `--import` does not reach worker threads (privatenumber/tsx#354).
 */
export function startWorker(from: string, name: string, workerData: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL(`./${name}.ts`, from).href);
  return new Worker(`import(${tsx}).then((m) => { m.register(); return import(${entry}); })`, { eval: true, workerData });
}
