import * as fs from 'fs';
import * as path from 'path';

/**
 * Loads a bundled Lambda file (assets/.../index.js, or a function's code in a
 * cloud assembly) exactly as shipped, as one cold start: compiled afresh
 * through Node's CJS wrapper (not the module cache), so no state leaks
 * between loads, with its own `process.env` (a copy holding the Lambda's
 * environment) and its own console.
 *
 * Returns the loader: `load(file)` gives the file's exports; relative
 * requires inside it load the same way, anything else is Node's.
 */
export function bundleLoader(env: { readonly [name: string]: string }, console: Console): (filename: string) => unknown {
  const lambdaProcess = Object.create(process, { env: { value: { ...env }, enumerable: true } }) as NodeJS.Process;
  const modules = new Map<string, unknown>();
  const load = (filename: string): unknown => {
    const cached = modules.get(filename);
    if (cached) {
      return cached;
    }
    const module = { exports: {} as unknown };
    modules.set(filename, module.exports);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const wrapper = new Function('exports', 'require', 'module', '__filename', '__dirname', 'process', 'console',
      `${fs.readFileSync(filename, 'utf8')}\n//# sourceURL=${filename}`);
    wrapper(module.exports, requireFrom(path.dirname(filename)), module, filename, path.dirname(filename), lambdaProcess, console);
    modules.set(filename, module.exports);
    return module.exports;
  };
  const requireFrom = (dir: string) => (id: string): unknown => {
    if (id === 'node:process' || id === 'process') {
      return lambdaProcess;
    }
    if (id.startsWith('./') || id.startsWith('../') || path.isAbsolute(id)) {
      const resolved = path.resolve(dir, id);
      return load(fs.existsSync(resolved) ? resolved : `${resolved}.js`);
    }
    // The bundle carries its dependencies; only Node's built-ins are left to require (and optional ones it probes for).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(id);
  };
  return load;
}

/** The function's console, into its log (CloudWatch Logs in the real thing) rather than the test output. */
export function lambdaConsole(logs: string[]): Console {
  const write = (...args: unknown[]) => {
    logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  return { ...globalThis.console, log: write, info: write, warn: write, error: write, debug: write } as Console;
}
