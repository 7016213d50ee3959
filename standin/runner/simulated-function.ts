import { ChildProcess, fork } from 'child_process';
import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { ClockFollower, fakeTestClock, followClock } from './lambda-clock';
import { LambdaConfiguration, lambdaEnvironment } from './lambda-environment';
import { lambdaNodeBinary } from './lambda-node';
import type { FakeClockSetup, FromWorker, ToWorker } from './lambda-worker';

/**
 * How long an idle execution environment is kept, in real time: long enough
 * for a scenario's next operation to find it warm, short enough that the
 * processes of a finished test go soon. Lambda keeps them for minutes.
 */
const IDLE_LIFETIME_MS = 10_000;
/** The machine's timers, taken before a test can fake them (jest fakes them in beforeEach): idle environments end on real time. */
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/**
 * A Lambda function as it runs in AWS: its code directory run by the Node.js
 * of the runtime it deploys on (lambda-node.ts), in processes of their own
 * with Lambda's environment and nothing of the test process's
 * (lambda-environment.ts, lambda-worker.ts). Like Lambda, one execution
 * environment (process) serves one invocation at a time: an invocation takes
 * an idle one (warm) or starts a new one (a cold start, which loads the code
 * afresh), so concurrent invocations run in separate processes and share no
 * module state. An invocation that outlives the function's timeout fails and
 * its environment is discarded. An idle environment ends after
 * IDLE_LIFETIME_MS, and none keeps the test process from exiting.
 */
export class SimulatedFunction {
  /** `process.version` of each environment started, in order. */
  readonly nodeVersions: string[] = [];
  private idle: ExecutionEnvironment[] = [];
  private readonly environments = new Set<ExecutionEnvironment>();
  private readonly idleTimers = new Map<ExecutionEnvironment, NodeJS.Timeout>();
  private readonly binary = lambdaNodeBinary();
  private readonly env: { readonly [name: string]: string };

  /**
   * @param logs receives what the function prints: its console as Lambda's
   * log lines, and anything else written to stdout or stderr.
   */
  constructor(private readonly config: LambdaConfiguration, standInEndpoint: string, readonly logs: string[] = []) {
    this.env = lambdaEnvironment(config, standInEndpoint, this.binary);
  }

  /**
   * Invokes the function. Resolves with the handler's result; rejects with its
   * error (name and message, as Lambda reports it), or when it does not finish
   * within the function's timeout. `onResponseUrl` receives the body the
   * custom-resource entrypoint PUTs to the event's ResponseURL.
   */
  async invoke(event: unknown, requestId: string = randomUUID(), onResponseUrl: (body: string) => void = () => undefined): Promise<unknown> {
    const environment = this.takeIdle() ?? this.start();
    const timeoutSeconds = this.config.timeoutSeconds ?? 3;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        // Lambda stops a function at its timeout and resets its environment.
        void this.end(environment);
        reject(new FunctionTimeout(`${this.config.functionName} timed out after ${timeoutSeconds} s`));
      }, timeoutSeconds * 1000);
    });
    try {
      const result = await Promise.race([environment.invoke(requestId, event, Date.now() + timeoutSeconds * 1000, onResponseUrl), timedOut]);
      this.putIdle(environment);
      return result;
    } catch (error) {
      if (!(error instanceof FunctionTimeout)) {
        this.putIdle(environment);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends every environment, busy or not (what a function still does after answering stops, as when Lambda freezes it for good). */
  async close(): Promise<void> {
    await Promise.all([...this.environments].map((environment) => this.end(environment)));
  }

  /** An idle environment on the test's current clock; idle ones on another clock (an earlier test's) are ended. */
  private takeIdle(): ExecutionEnvironment | undefined {
    const clock = fakeTestClock();
    for (const stale of this.idle.filter((environment) => environment.clock !== clock)) {
      void this.end(stale);
    }
    const taken = this.idle.pop();
    if (taken) {
      realClearTimeout(this.idleTimers.get(taken));
      this.idleTimers.delete(taken);
    }
    return taken;
  }

  private putIdle(environment: ExecutionEnvironment): void {
    if (environment.exited) {
      return;
    }
    this.idle.push(environment);
    this.idleTimers.set(environment, realSetTimeout(() => void this.end(environment), IDLE_LIFETIME_MS).unref());
  }

  private start(): ExecutionEnvironment {
    const environment = new ExecutionEnvironment(this.binary, this.env, this.config.codeDir, this.logs, () => void this.end(environment));
    environment.ready.then((version) => this.nodeVersions.push(version), () => undefined);
    this.environments.add(environment);
    return environment;
  }

  private async end(environment: ExecutionEnvironment): Promise<void> {
    realClearTimeout(this.idleTimers.get(environment));
    this.idleTimers.delete(environment);
    this.idle = this.idle.filter((e) => e !== environment);
    this.environments.delete(environment);
    await environment.kill();
  }
}

/** The function ran past its timeout. */
export class FunctionTimeout extends Error {}

/** One process running lambda-worker.ts. */
class ExecutionEnvironment implements ClockFollower {
  readonly ready: Promise<string>;
  /** The test's fake clock this process follows, if the test's timers were fake when it started. */
  readonly clock = fakeTestClock();
  exited = false;
  private readonly child: ChildProcess;
  private readonly unfollow: () => void;
  private readonly exit: Promise<void>;
  private invocation?: { resolve(result: unknown): void; reject(error: Error): void; onResponseUrl(body: string): void };
  private readonly advancing: (() => void)[] = [];

  constructor(binary: string, env: { readonly [name: string]: string }, codeDir: string, logs: string[], onExit: () => void) {
    this.child = fork(workerScript(), [], {
      execPath: binary,
      // Not the test process's flags (fork's default): Lambda's runtime starts node with its own.
      execArgv: [],
      env,
      cwd: codeDir,
      // The function's stdout and stderr come as messages (lambda-worker.ts); a crash of node itself shows in the test's output.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.hold(false);
    let readyResolve: (version: string) => void = () => undefined;
    this.ready = new Promise((resolve) => readyResolve = resolve);
    this.child.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready': return readyResolve(message.nodeVersion);
        case 'log': return logs.push(message.line);
        case 'response-url': return this.invocation?.onResponseUrl(message.body);
        case 'done': return this.settle()?.resolve(message.result);
        case 'failed': return this.settle()?.reject(Object.assign(new Error(message.errorMessage), { name: message.errorType }));
        case 'advanced': return this.advancing.shift()?.();
      }
    });
    this.exit = new Promise((resolve) => this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.unfollow();
      onExit();
      this.settle()?.reject(new Error(`the function's process exited (${signal ?? `code ${code}`}) during the invocation`));
      this.advancing.splice(0).forEach((done) => done());
      resolve();
    }));
    let fakeClock: FakeClockSetup | undefined;
    this.unfollow = () => undefined;
    if (this.clock) {
      fakeClock = { now: this.clock.now, toFake: this.clock.methods, modulePath: require.resolve('@sinonjs/fake-timers') };
      this.unfollow = followClock(this.clock, this);
    }
    this.send({ type: 'init', fakeClock });
  }

  invoke(requestId: string, event: unknown, deadlineMs: number, onResponseUrl: (body: string) => void): Promise<unknown> {
    this.hold(true);
    return new Promise((resolve, reject) => {
      this.invocation = { resolve, reject, onResponseUrl };
      this.send({ type: 'invoke', requestId, event, deadlineMs, ...(this.clock ? { now: this.clock.now } : {}) });
    });
  }

  async advanceTo(now: number): Promise<void> {
    if (this.exited) {
      return;
    }
    const advanced = new Promise<void>((resolve) => this.advancing.push(resolve));
    this.send({ type: 'advance', to: now });
    return advanced;
  }

  async kill(): Promise<void> {
    if (!this.exited) {
      this.child.kill('SIGKILL');
    }
    return this.exit;
  }

  private settle() {
    const invocation = this.invocation;
    this.invocation = undefined;
    this.hold(false);
    return invocation;
  }

  /** An invocation keeps the test process alive until it ends; an idle process does not. */
  private hold(busy: boolean): void {
    if (busy) {
      this.child.ref();
      this.child.channel?.ref();
    } else {
      this.child.unref();
      this.child.channel?.unref();
    }
  }

  private send(message: ToWorker): void {
    if (!this.exited && this.child.connected) {
      this.child.send(message);
    }
  }
}

let workerFile: string | undefined;

/**
 * lambda-worker.ts as JavaScript the runtime's Node.js runs without flags:
 * transpiled once per test process into the temporary directory, named by its
 * content so that concurrent test processes share one file.
 */
function workerScript(): string {
  if (!workerFile) {
    const source = fs.readFileSync(path.join(__dirname, 'lambda-worker.ts'), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: 'lambda-worker.ts',
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    const file = path.join(os.tmpdir(), `cdk-cognito-login-lambda-worker-${createHash('sha256').update(outputText).digest('hex').slice(0, 16)}.js`);
    if (!fs.existsSync(file)) {
      const partial = `${file}.${process.pid}`;
      fs.writeFileSync(partial, outputText);
      fs.renameSync(partial, file);
    }
    workerFile = file;
  }
  return workerFile;
}
