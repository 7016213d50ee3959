import * as http from 'http';
import { AddressInfo } from 'net';
import { CognitoIdentityProviderClient, DescribeManagedLoginBrandingByClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { clientConfig, cognitoClient, HTTP_TIMEOUTS, s3Client, ssmClient } from '../../lambda/shared/clients';
import { callWithRetry, DEFAULT_RETRY_POLICY, isRetryable } from '../../lambda/shared/retry';

/**
 * Per-attempt HTTP timeouts: one hung connection must cost one attempt, not
 * the whole deadline. Proven against a real socket that accepts the request
 * and never answers.
 */
let server: http.Server;
let endpoint: string;
const hung: http.ServerResponse[] = [];
/** When each request arrived, and when its connection was closed (by the client). */
const requests: { arrivedAt: number; closedAt?: number }[] = [];

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hung.push(res);
    const request: { arrivedAt: number; closedAt?: number } = { arrivedAt: Date.now() };
    requests.push(request);
    res.on('close', () => { request.closedAt = Date.now(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  hung.forEach((res) => res.destroy());
  await new Promise((resolve) => server.close(resolve));
});

test('a request that gets no answer fails its attempt with a retryable TimeoutError after the request timeout', async () => {
  // GIVEN the handler's client configuration with a 300 ms request timeout
  const client = new CognitoIdentityProviderClient({
    ...clientConfig({ ...HTTP_TIMEOUTS, requestTimeout: 300 }),
    region: 'eu-west-1',
    endpoint,
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' },
  });
  const started = Date.now();

  // WHEN
  const outcome = client.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: 'eu-west-1_AbCdEf123', ClientId: 'client1' }));

  // THEN
  const error = await outcome.then(() => undefined, (e: unknown) => e);
  expect(error).toMatchObject({ name: 'TimeoutError' });
  expect(isRetryable(error)).toBe(true);
  expect(Date.now() - started).toBeLessThan(5_000);
  client.destroy();
});

test('an attempt near the deadline gets only the time left, not the 30 s request timeout: its connection is closed by the deadline', async () => {
  // GIVEN the handler's client configuration (a 30 s request timeout), a deadline 300 ms away, attempts of at least 100 ms
  const client = new CognitoIdentityProviderClient({
    ...clientConfig(),
    region: 'eu-west-1',
    endpoint,
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' },
  });
  const started = Date.now();

  // WHEN
  const error = await callWithRetry('DescribeManagedLoginBrandingByClient', { ...DEFAULT_RETRY_POLICY, minAttemptMs: 100 },
    { signal: new AbortController().signal, deadlineAt: started + 300 },
    (options) => client.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: 'eu-west-1_AbCdEf123', ClientId: 'client1' }), options),
  ).then(() => undefined, (e: Error) => e);

  // THEN the call failed at the deadline, and by then the request was no longer open
  expect(error?.message).toMatch(/^DescribeManagedLoginBrandingByClient failed: TimeoutError: /);
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  expect(Date.now() - started).toBeLessThan(2_000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const sent = requests.filter((r) => r.arrivedAt >= started);
  expect(sent).toHaveLength(1);
  expect(sent[0].closedAt! - started).toBeLessThan(2_000);
  client.destroy();
});

test('every client the handler builds has the per-attempt timeouts, and the timeout fails the attempt rather than warning', async () => {
  // THEN
  expect(HTTP_TIMEOUTS.throwOnRequestTimeout).toBe(true);
  expect(HTTP_TIMEOUTS.requestTimeout).toBeLessThanOrEqual(60_000);
  for (const client of [cognitoClient(), s3Client(), ssmClient()]) {
    // NodeHttpHandler resolves its options once, before its first request.
    const handler = client.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
    expect(await handler.configProvider).toMatchObject(HTTP_TIMEOUTS);
    expect(await client.config.maxAttempts()).toBe(1);
  }
});
