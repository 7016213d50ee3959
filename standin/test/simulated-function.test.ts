import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LAMBDA_NODEJS_RUNTIME } from '../../src/private/lambda-runtime';
import { lambdaNodeVersion } from '../runner/lambda-node';
import { SimulatedFunction } from '../runner/simulated-function';

/**
 * The simulated Lambda (standin/runner/simulated-function.ts), which runs
 * the handler and the account-linking trigger in every deploy scenario and in
 * the demo, runs a function as Lambda does: on the Node.js of the runtime the
 * library deploys, with Lambda's environment and none of the test process's,
 * one invocation per execution environment at a time, stopped at its timeout,
 * and on the test's clock when that clock is fake. A probe function reports
 * what it sees.
 */

const PROBE = `
let invocations = 0;
exports.handler = async (event, context) => {
  invocations++;
  if (event.waitMs) await new Promise((resolve) => setTimeout(resolve, event.waitMs));
  if (event.hang) await new Promise(() => undefined);
  if (event.fail) throw Object.assign(new Error('the probe refuses'), { name: 'ProbeError' });
  console.log('probe', { invocations });
  return {
    version: process.version, env: process.env, cwd: process.cwd(), execArgv: process.execArgv, pid: process.pid,
    invocations, remainingMs: context.getRemainingTimeInMillis(), requestId: context.awsRequestId, now: Date.now(),
  };
};
`;

interface ProbeResult {
  version: string;
  env: { [name: string]: string };
  cwd: string;
  execArgv: string[];
  pid: number;
  invocations: number;
  remainingMs: number;
  requestId: string;
  now: number;
}

let codeDir: string;
let functions: SimulatedFunction[];

beforeAll(() => {
  codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-probe-'));
  fs.writeFileSync(path.join(codeDir, 'probe.js'), PROBE);
});
beforeEach(() => {
  functions = [];
});
afterEach(async () => {
  await Promise.all(functions.map((fn) => fn.close()));
});

function probe(timeoutSeconds = 3, logs: string[] = []): SimulatedFunction {
  const fn = new SimulatedFunction({
    codeDir, handler: 'probe.handler', functionName: 'Probe', timeoutSeconds, memorySize: 256, region: 'eu-west-1', variables: { OWN: 'own value' },
  }, 'http://127.0.0.1:9', logs);
  functions.push(fn);
  return fn;
}

const invoke = (fn: SimulatedFunction, event: object = {}, requestId?: string) => fn.invoke(event, requestId) as Promise<ProbeResult>;

test('the pinned Node.js is of the major the functions deploy on (LAMBDA_NODEJS_RUNTIME)', () => {
  expect(`nodejs${lambdaNodeVersion().split('.')[0]}.x`).toEqual(LAMBDA_NODEJS_RUNTIME);
});

test('a function runs on that Node.js, in its own process, with Lambda\'s environment and none of the test process\'s', async () => {
  // GIVEN the probe as a function
  const logs: string[] = [];
  const fn = probe(3, logs);

  // WHEN it is invoked
  const seen = await invoke(fn, {}, 'request-1');

  // THEN it ran on the runtime's Node.js, the pinned release, outside the test process, started with no flags
  expect(seen.version).toEqual(`v${lambdaNodeVersion()}`);
  expect(seen.version.startsWith(`v${LAMBDA_NODEJS_RUNTIME.replace(/^nodejs(\d+)\.x$/, '$1')}.`)).toBe(true);
  expect(fn.nodeVersions).toEqual([seen.version]);
  expect(seen.pid).not.toEqual(process.pid);
  expect(seen.execArgv).toEqual([]);
  // with Lambda's defined variables, its code directory as /var/task and working directory, and the function's own
  expect(seen.env).toMatchObject({
    _HANDLER: 'probe.handler',
    AWS_EXECUTION_ENV: `AWS_Lambda_${LAMBDA_NODEJS_RUNTIME}`,
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: 'Probe',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/Probe',
    LAMBDA_TASK_ROOT: codeDir,
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://127.0.0.1:9',
    OWN: 'own value',
  });
  expect(seen.cwd).toEqual(codeDir);
  // and nothing of the test process's: no NODE_OPTIONS, no jest, no home directory or profile
  for (const name of ['NODE_OPTIONS', 'JEST_WORKER_ID', 'HOME', 'AWS_PROFILE', 'npm_lifecycle_event']) {
    expect(seen.env).not.toHaveProperty(name);
  }
  expect(seen.requestId).toEqual('request-1');
  expect(seen.remainingMs).toBeGreaterThan(0);
  expect(seen.remainingMs).toBeLessThanOrEqual(3000);
  // Its console is Lambda's log lines: time, request id, level, message.
  expect(logs).toContainEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z\trequest-1\tINFO\tprobe { invocations: 1 }$/));
});

test('one invocation per execution environment: concurrent ones run in separate processes (cold starts), a later one reuses a warm one', async () => {
  // GIVEN a function
  const fn = probe();

  // WHEN two invocations overlap, then a third follows
  const [a, b] = await Promise.all([invoke(fn, { waitMs: 300 }), invoke(fn, { waitMs: 300 })]);
  const c = await invoke(fn);

  // THEN the two had environments of their own, each cold; the third ran warm in one of them
  expect(a.pid).not.toEqual(b.pid);
  expect([a.invocations, b.invocations]).toEqual([1, 1]);
  expect([a.pid, b.pid]).toContain(c.pid);
  expect(c.invocations).toEqual(2);
  expect(fn.nodeVersions).toHaveLength(2);
});

test('an error of the handler is the invocation\'s error, by name and message, and the environment stays warm', async () => {
  const fn = probe();
  const first = await invoke(fn);

  await expect(invoke(fn, { fail: true })).rejects.toMatchObject({ name: 'ProbeError', message: 'the probe refuses' });

  expect((await invoke(fn)).pid).toEqual(first.pid);
});

test('an invocation that outlives the timeout fails, and its environment is replaced by a cold one', async () => {
  const fn = probe(1);
  const first = await invoke(fn);

  await expect(invoke(fn, { hang: true })).rejects.toThrow('Probe timed out after 1 s');

  const next = await invoke(fn);
  expect(next.pid).not.toEqual(first.pid);
  expect(next.invocations).toEqual(1);
});

describe('on a fake clock', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('the function\'s clock is the test\'s: a 10 s wait inside it ends when the test\'s clock has moved 10 s, with 50 s of 60 left', async () => {
    // GIVEN a function with a 60 s timeout, started on the test's fake clock
    const fn = probe(60);
    const started = Date.now();

    // WHEN it waits 10 s and the test moves its clock in 25 ms steps until the invocation ends
    let done = false;
    const result = invoke(fn, { waitMs: 10_000 }).finally(() => done = true);
    while (!done) {
      await jest.advanceTimersByTimeAsync(25);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const seen = await result;

    // THEN the wait ended at the test's time 10 s later, to the millisecond, and the context counted the same time down
    expect(seen.now - started).toEqual(10_000);
    expect(seen.remainingMs).toEqual(50_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(Date.now() - started).toBeLessThan(10_000 + 25 * 40);
  });
});
