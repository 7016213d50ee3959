import * as http from 'http';
import {
  CreateManagedLoginBrandingCommand, DescribeManagedLoginBrandingByClientCommand, SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { StandIn } from '../services';
import { rejectionOf, standInFixture } from './standin-fixture';
import { sdkClients } from '../services/sdk-clients';

/** Faults on demand, count- and rate-based, through the real SDK. */
const f = standInFixture();

const create = () => f.clients.cognito.send(new CreateManagedLoginBrandingCommand({
  UserPoolId: f.poolId, ClientId: f.clientId, Settings: { components: {} },
}));
const setCss = () => f.clients.cognito.send(new SetUICustomizationCommand({ UserPoolId: f.poolId, ClientId: f.clientId, CSS: '.banner-customizable{}' }));

test.each([
  ['throttle', 'TooManyRequestsException', 400],
  ['concurrent-modification', 'ConcurrentModificationException', 400],
  ['internal-error', 'InternalErrorException', 500],
] as const)('%s answers %s (HTTP %d) for the next N calls, then calls go through', async (kind, name, status) => {
  // GIVEN
  f.standIn.faults.inject({ kind, operation: 'SetUICustomization', count: 2 });

  // WHEN
  const errors = [await rejectionOf(setCss()), await rejectionOf(setCss())];
  await setCss();

  // THEN
  expect(errors.map((e) => [e.name, e.$metadata?.httpStatusCode])).toEqual([[name, status], [name, status]]);
  expect(f.standIn.calls.map((c) => c.fault)).toEqual([kind, kind, undefined]);
  expect(f.standIn.snapshot().pools[f.poolId].classic[f.clientId].css).toBe('.banner-customizable{}');
});

test('a lost response: the write is applied, the caller gets a 500, and its retry meets the existing style', async () => {
  // GIVEN
  f.standIn.faults.inject({ kind: 'lost-response', operation: 'CreateManagedLoginBranding', count: 1 });

  // WHEN
  const lost = await rejectionOf(create());
  const retry = await rejectionOf(create());

  // THEN
  expect(lost.name).toBe('InternalErrorException');
  expect(retry.name).toBe('ManagedLoginBrandingExistsException');
  expect(f.standIn.snapshot().pools[f.poolId].styles[f.clientId]).toBeDefined();
});

test('a slow response arrives after the delay', async () => {
  // GIVEN
  f.standIn.faults.inject({ kind: 'slow', operation: 'DescribeManagedLoginBrandingByClient', delayMs: 150, count: 1 });
  await create();

  // WHEN
  const started = Date.now();
  await f.clients.cognito.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: f.poolId, ClientId: f.clientId }));

  // THEN
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);
});

test('a slow write is carried out at the end of its delay even when its client stopped waiting, as AWS carries out a request it received', async () => {
  // GIVEN SetUICustomization takes 300 ms
  f.standIn.faults.inject({ kind: 'slow', operation: 'SetUICustomization', delayMs: 300, count: 1 });

  // WHEN the client gives up after 50 ms
  const command = new SetUICustomizationCommand({ UserPoolId: f.poolId, ClientId: f.clientId, CSS: '.background-customizable{}' });
  const error = await rejectionOf(f.clients.cognito.send(command, { abortSignal: AbortSignal.timeout(50) }));
  const whenAbandoned = f.standIn.snapshot().pools[f.poolId].classic[f.clientId];
  await new Promise((resolve) => setTimeout(resolve, 400));

  // THEN the client saw no answer, and the write landed later all the same
  expect(error.name).toMatch(/Abort|Timeout/);
  expect(whenAbandoned).toBeUndefined();
  expect(f.standIn.snapshot().pools[f.poolId].classic[f.clientId].css).toBe('.background-customizable{}');
});

test('a request whose body never arrived whole is not carried out, and the stand-in goes on serving', async () => {
  // GIVEN a signed-looking request that announces 100 bytes and sends 10 before its client goes away
  const url = new URL(f.standIn.endpoint);
  await new Promise<void>((resolve) => {
    const headers = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.SetUICustomization',
      'authorization': 'AWS4-HMAC-SHA256 Credential=x',
      'content-length': '100',
    };
    const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers });
    req.on('error', () => resolve());
    req.write('{"UserPool', () => setTimeout(() => { req.destroy(); resolve(); }, 50));
  });
  await new Promise((resolve) => setTimeout(resolve, 50));

  // WHEN a whole request follows
  await setCss();

  // THEN only that one was carried out
  expect(f.standIn.calls.map((c) => c.operation)).toEqual(['SetUICustomization']);
  expect(f.standIn.snapshot().pools[f.poolId].classic[f.clientId].css).toBe('.banner-customizable{}');
});

test('a refused Settings document, in Cognito\'s words, only for calls that carry Settings', async () => {
  // GIVEN
  f.standIn.faults.inject({ kind: 'refuse-settings', properties: ['$.components.form.unknown'] });

  // WHEN
  const error = await rejectionOf(create());
  await setCss();

  // THEN
  expect(error.name).toBe('InvalidParameterException');
  expect(error.message).toBe('Invalid settings provided. Validation errors: [{property: $.components.form.unknown, errorType: UnknownProperty}]');
  expect(f.standIn.snapshot().pools[f.poolId].styles).toEqual({});
});

test('a per-pool limit of concurrent writes: beyond it, TooManyRequestsException', async () => {
  // GIVEN one write at a time, and writes that take 100 ms
  f.standIn.faults.limitConcurrentWrites(1, f.poolId);
  f.standIn.faults.inject({ kind: 'slow', operation: 'SetUICustomization', delayMs: 100 });

  // WHEN three writes at once
  const outcomes = await Promise.allSettled([setCss(), setCss(), setCss()]);

  // THEN
  expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected', 'rejected']);
  expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.name)).toEqual(['TooManyRequestsException', 'TooManyRequestsException']);
});

test('an account-wide rate limit: beyond it in a second, ThrottlingException, and the next second takes calls again', async () => {
  // GIVEN SSM's standard throughput: 40 GetParameter and PutParameter calls a second
  f.standIn.faults.limitRate({ service: 'ssm', operations: ['GetParameter', 'PutParameter'], perSecond: 40 });
  const put = (i: number) => f.clients.ssm.send(new PutParameterCommand({ Name: `/rate/${i}`, Value: 'x', Type: 'String' }));

  // WHEN 50 calls at once, then one a second later
  const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => put(i)));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const later = await f.clients.ssm.send(new GetParameterCommand({ Name: '/rate/0' }));

  // THEN 40 answered, 10 throttled with SSM's own error, and the next second's call is answered
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(40);
  expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.name))
    .toEqual(Array(10).fill('ThrottlingException'));
  expect(later.Parameter?.Value).toBe('x');
});

test('faults can be limited to one pool', async () => {
  // GIVEN a second pool, and throttling on the first only
  const other = f.standIn.createUserPool().id;
  f.standIn.createUserPoolDomain(other, { domain: 'other' });
  f.standIn.faults.inject({ kind: 'throttle', userPoolId: f.poolId });

  // WHEN
  const first = await rejectionOf(f.clients.cognito.send(new SetUICustomizationCommand({ UserPoolId: f.poolId, CSS: '.banner-customizable{}' })));
  await f.clients.cognito.send(new SetUICustomizationCommand({ UserPoolId: other, CSS: '.banner-customizable{}' }));

  // THEN
  expect(first.name).toBe('TooManyRequestsException');
});

test('SSM answers its own fault codes', async () => {
  // GIVEN
  f.standIn.faults.inject({ kind: 'throttle', operation: 'GetParameter', count: 1 });

  // WHEN
  const error = await rejectionOf(f.clients.ssm.send(new GetParameterCommand({ Name: '/x' })));

  // THEN
  expect(error.name).toBe('ThrottlingException');
});

test('rate-based faults are reproducible with the same seed', async () => {
  // GIVEN two stand-ins with the same seed, 30 % of calls throttled
  const outcomes = async () => {
    const standIn = await StandIn.start({ seed: 7 });
    const pool = standIn.createUserPool().id;
    standIn.createUserPoolDomain(pool, { domain: 'x' });
    standIn.faults.inject({ kind: 'throttle', rate: 0.3 });
    const { cognito } = sdkClients(standIn);
    const results: string[] = [];
    for (let i = 0; i < 20; i++) {
      results.push(await cognito.send(new SetUICustomizationCommand({ UserPoolId: pool, CSS: '.banner-customizable{}' })).then(() => 'ok', (e: Error) => e.name));
    }
    cognito.destroy();
    await standIn.stop();
    return results;
  };

  // WHEN
  const [a, b] = [await outcomes(), await outcomes()];

  // THEN
  expect(a).toEqual(b);
  const throttled = a.filter((r) => r === 'TooManyRequestsException').length;
  expect(throttled).toBeGreaterThan(0);
  expect(throttled).toBeLessThan(20);
});
