/**
 * One execution environment of the simulated Lambda, as a process of its own
 * on the Node.js that Lambda's runtime runs (standin/runner/lambda-node.ts),
 * started by SimulatedFunction with the function's environment and its code
 * directory as working directory. Like Lambda's Node.js runtime it loads the
 * handler `_HANDLER` names from `LAMBDA_TASK_ROOT` once (the cold start), then
 * runs one invocation at a time, `handler(event, context)`, with the
 * context's remaining time counted down to the invocation's deadline, and
 * writes the function's console as Lambda's text log lines, and what else
 * it writes to stdout and stderr, into the function's log.
 *
 * It talks to the test process over the IPC channel only (messages below).
 * The one thing replaced in the function's code: aws-cdk-lib's custom-resource
 * entrypoint answers CloudFormation with an HTTPS PUT to a pre-signed S3 URL;
 * its `external.sendHttpRequest` (the hook aws-cdk-lib's own tests replace)
 * hands the body to the test process instead.
 *
 * When the test's clock is jest's fake one, the worker's clock is the same
 * fake clock (@sinonjs/fake-timers, the methods the test faked), moved only by
 * `advance` messages: the test process moves it with its own (see lambda-clock.ts).
 *
 * This file runs outside jest: it imports only Node's modules.
 */
import * as path from 'path';
import * as util from 'util';

/** From the test process. */
export type ToWorker =
  | { readonly type: 'init'; readonly fakeClock?: FakeClockSetup }
  | { readonly type: 'invoke'; readonly requestId: string; readonly event: unknown; readonly deadlineMs: number; readonly now?: number }
  | { readonly type: 'advance'; readonly to: number };

/** To the test process. */
export type FromWorker =
  | { readonly type: 'ready'; readonly nodeVersion: string }
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'response-url'; readonly body: string }
  | { readonly type: 'done'; readonly result: unknown }
  | { readonly type: 'failed'; readonly errorType: string; readonly errorMessage: string }
  | { readonly type: 'advanced' };

export interface FakeClockSetup {
  /** The test's fake time. */
  readonly now: number;
  /** The globals the test's clock fakes. */
  readonly toFake: readonly string[];
  /** Where @sinonjs/fake-timers is (this file runs from a temporary directory). */
  readonly modulePath: string;
}

interface Invocation {
  readonly requestId: string;
  readonly deadlineMs: number;
}

type Handler = (event: unknown, context: unknown) => unknown;

let clock: ReturnType<typeof import('@sinonjs/fake-timers').install> | undefined;
let current: Invocation | undefined;
let handler: Handler | undefined;
let initError: Error | undefined;

function send(message: FromWorker, then: () => void = () => undefined): void {
  process.send!(message, then);
}

/** Lambda's Node.js runtime writes each console call as `<time>\t<request id>\t<LEVEL>\t<message>`. */
function patchConsole(): void {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' } as const;
  for (const [method, level] of Object.entries(levels)) {
    (console as unknown as { [name: string]: unknown })[method] = (...args: unknown[]) => {
      send({ type: 'log', line: `${new Date().toISOString()}\t${current?.requestId ?? 'undefined'}\t${level}\t${util.format(...args)}` });
    };
  }
}

/** Lambda keeps whatever the process writes to stdout and stderr too (a warning of Node's, say). */
function captureOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      text.split('\n').filter((line) => line !== '').forEach((line) => send({ type: 'log', line }));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }
}

function loadHandler(): void {
  const [file, exportName] = splitHandler(process.env._HANDLER!);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(path.resolve(process.env.LAMBDA_TASK_ROOT!, file)) as { [name: string]: unknown };
    const found = module[exportName];
    if (typeof found !== 'function') {
      throw Object.assign(new Error(`${file}.${exportName} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
    }
    const external = module.external as { sendHttpRequest?: unknown } | undefined;
    if (typeof external?.sendHttpRequest === 'function') {
      external.sendHttpRequest = async (_options: unknown, body: string) => send({ type: 'response-url', body });
    }
    handler = found as Handler;
  } catch (error) {
    initError = error as Error;
  }
}

async function invoke(message: Extract<ToWorker, { type: 'invoke' }>): Promise<void> {
  if (message.now !== undefined) {
    await advance(message.now);
  }
  current = { requestId: message.requestId, deadlineMs: message.deadlineMs };
  const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME!;
  const context = {
    functionName,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:123456789012:function:${functionName}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: message.requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, message.deadlineMs - Date.now()),
  };
  try {
    if (initError) {
      throw initError;
    }
    const result = await handler!(message.event, context);
    send({ type: 'done', result: result ?? null });
  } catch (error) {
    fail(error);
  } finally {
    current = undefined;
  }
}

/** Lambda's error response: the error's name and message. */
function fail(error: unknown, then?: () => void): void {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  send({ type: 'failed', errorType: name, errorMessage: message }, then);
}

async function advance(to: number): Promise<void> {
  if (clock && to > clock.now) {
    await clock.tickAsync(to - clock.now);
  }
}

function splitHandler(name: string): [string, string] {
  const i = name.lastIndexOf('.');
  return [name.slice(0, i), name.slice(i + 1)];
}

function start(setup: Extract<ToWorker, { type: 'init' }>): void {
  if (setup.fakeClock) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fakeTimers = require(setup.fakeClock.modulePath) as typeof import('@sinonjs/fake-timers');
    clock = fakeTimers.install({ now: setup.fakeClock.now, toFake: setup.fakeClock.toFake as never, ignoreMissingTimers: true, loopLimit: 100_000 });
  }
  patchConsole();
  captureOutput();
  loadHandler();
  send({ type: 'ready', nodeVersion: process.version });
}

// An error that escapes the handler's promise ends the invocation and the
// environment with it, as in Lambda's runtime; the test process sees the exit.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => fail(error, () => process.exit(1)));
}
process.on('disconnect', () => process.exit());
process.on('message', (message: ToWorker) => {
  if (message.type === 'init') {
    start(message);
  } else if (message.type === 'invoke') {
    void invoke(message);
  } else {
    void advance(message.to).then(() => send({ type: 'advanced' }));
  }
});
