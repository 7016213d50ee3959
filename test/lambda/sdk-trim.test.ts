import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { crc32 } from 'zlib';
import { build } from 'esbuild';
import { sampleOf } from './model-samples';
import { clientConfig } from '../../lambda/shared/clients';
import { awsErrorName } from '../../lambda/shared/errors';
import { isRetryable } from '../../lambda/shared/retry';
import type * as sdkModule from '../../lambda/shared/sdk';
import { lambdaBuildOptions } from '../../scripts/bundle/build';
import { ServiceName, serviceModel } from '../../standin/services/botocore-models';

/**
 * scripts/bundle/sdk-trim.ts leaves schemas, error registrations, most of
 * each client's package.json and the event stream code out of the Lambda
 * bundles. This proves that nothing the handler sends or reads changed: the
 * SDK module of the handler (lambda/shared/sdk.ts, every client and command
 * it imports) is built with the bundles' own options twice, with the plugin
 * and without it, and each command goes through both builds with the same
 * answer; the requests and what comes back must be the same. A command whose
 * schema went missing would fail to serialize. (Without the plugin rather
 * than through node_modules' CommonJS build: that build carries its own copy
 * of the version, 3.1168.0 in 3.1169.0's dist-cjs, where the ES module build
 * the bundles use reads package.json.)
 */

type Sdk = typeof sdkModule;
type ClientName = 'CognitoIdentityProviderClient' | 'S3Client' | 'SSMClient' | 'CloudFormationClient';

interface Answer {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Each command the handler imports: its client, an input, and a success answer as the service writes it. */
interface CommandCase {
  readonly client: ClientName;
  readonly input: object;
  readonly answer: Answer;
}

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'request-1' };
const json = (body: object): Answer => ({ statusCode: 200, headers: JSON_HEADERS, body: JSON.stringify(body) });
const xml = (body: string): Answer => ({ statusCode: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'request-1' }, body });

const POOL = 'eu-west-1_example';
const BRANDING = {
  ManagedLoginBranding: {
    ManagedLoginBrandingId: '00000000-0000-0000-0000-000000000000',
    UserPoolId: POOL,
    UseCognitoProvidedValues: false,
    Settings: { components: { pageBackground: { lightMode: { color: 'ffffffff' } } } },
    Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: 'iVBORw0KGgo=' }],
    CreationDate: 1767225600,
    LastModifiedDate: 1767225600.5,
  },
};
const UI_CUSTOMIZATION = {
  UICustomization: { UserPoolId: POOL, ClientId: 'client', ImageUrl: 'https://example.com/logo.png', CSS: '.banner-customizable { padding: 1px; }', CSSVersion: '1', LastModifiedDate: 1767225600, CreationDate: 1767225600 },
};
/** Cognito's model: the pool shapes and the CIMD policy with every member set. */
const COGNITO = serviceModel('cognito-idp');
const CIMD_POLICY = json({ CIMDPolicy: sampleOf(COGNITO, 'CIMDPolicyType', 'output') });
const CIMD_INPUT = { UserPoolId: POOL, ClientId: 'client', PolicyName: 'agents', URLPatterns: ['https://agents.example.com/*'], CacheDuration: 300 };
const STACK_XML = '<StackName>stack</StackName><StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/stack/id</StackId>';

const COMMANDS: Record<string, CommandCase> = {
  CreateManagedLoginBrandingCommand: {
    client: 'CognitoIdentityProviderClient',
    input: { UserPoolId: POOL, ClientId: 'client', Settings: { a: [1, 'b'] }, Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: Uint8Array.from([137, 80, 78, 71]) }] },
    answer: json(BRANDING),
  },
  UpdateManagedLoginBrandingCommand: {
    client: 'CognitoIdentityProviderClient',
    input: { UserPoolId: POOL, ManagedLoginBrandingId: 'id', UseCognitoProvidedValues: false, Settings: {}, Assets: [] },
    answer: json(BRANDING),
  },
  DescribeManagedLoginBrandingByClientCommand: {
    client: 'CognitoIdentityProviderClient',
    input: { UserPoolId: POOL, ClientId: 'client', ReturnMergedResources: false },
    answer: json(BRANDING),
  },
  DeleteManagedLoginBrandingCommand: {
    client: 'CognitoIdentityProviderClient',
    input: { UserPoolId: POOL, ManagedLoginBrandingId: 'id' },
    answer: json({}),
  },
  GetUICustomizationCommand: { client: 'CognitoIdentityProviderClient', input: { UserPoolId: POOL, ClientId: 'client' }, answer: json(UI_CUSTOMIZATION) },
  SetUICustomizationCommand: {
    client: 'CognitoIdentityProviderClient',
    input: { UserPoolId: POOL, ClientId: 'client', CSS: '.banner-customizable { padding: 1px; }', ImageFile: Uint8Array.from([137, 80, 78, 71]) },
    answer: json(UI_CUSTOMIZATION),
  },
  DescribeUserPoolCommand: {
    client: 'CognitoIdentityProviderClient',
    input: { UserPoolId: POOL },
    answer: json({ UserPool: sampleOf(COGNITO, 'UserPoolType', 'output') }),
  },
  UpdateUserPoolCommand: {
    client: 'CognitoIdentityProviderClient',
    input: sampleOf(COGNITO, 'UpdateUserPoolRequest', 'input') as object,
    answer: json({}),
  },
  CreateCIMDPolicyCommand: { client: 'CognitoIdentityProviderClient', input: CIMD_INPUT, answer: CIMD_POLICY },
  UpdateCIMDPolicyCommand: { client: 'CognitoIdentityProviderClient', input: { ...CIMD_INPUT, CIMDPolicyId: 'policy' }, answer: CIMD_POLICY },
  DeleteCIMDPolicyCommand: { client: 'CognitoIdentityProviderClient', input: { UserPoolId: POOL, CIMDPolicyId: 'policy' }, answer: json({}) },
  ListCIMDPoliciesCommand: {
    client: 'CognitoIdentityProviderClient',
    input: { UserPoolId: POOL, MaxResults: 60, NextToken: 'page-1' },
    answer: json(sampleOf(COGNITO, 'ListCIMDPoliciesResponse', 'output') as object),
  },
  GetObjectCommand: {
    client: 'S3Client',
    input: { Bucket: 'cdk-hnb659fds-assets-123456789012-eu-west-1', Key: 'abc.png' },
    answer: {
      statusCode: 200,
      headers: { 'content-type': 'image/png', 'content-length': '8', 'etag': '"e"', 'last-modified': 'Thu, 01 Jan 2026 00:00:00 GMT', 'x-amz-request-id': 'request-1' },
      body: 'PNGBYTES',
    },
  },
  GetParameterCommand: {
    client: 'SSMClient',
    input: { Name: '/cognito-login/pool/client' },
    answer: json({ Parameter: { Name: '/cognito-login/pool/client', Type: 'String', Value: '{"owner":"x"}', Version: 3, LastModifiedDate: 1767225600.25, ARN: 'arn:aws:ssm:eu-west-1:123456789012:parameter/x', DataType: 'text' } }),
  },
  PutParameterCommand: {
    client: 'SSMClient',
    input: { Name: '/cognito-login/pool/client', Type: 'String', Value: '{"owner":"x"}', Overwrite: false },
    answer: json({ Version: 1, Tier: 'Standard' }),
  },
  DeleteParameterCommand: { client: 'SSMClient', input: { Name: '/cognito-login/pool/client' }, answer: json({}) },
  DescribeStacksCommand: {
    client: 'CloudFormationClient',
    input: { StackName: 'stack' },
    answer: xml('<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>'
      + `${STACK_XML}<CreationTime>2026-01-01T00:00:00.000Z</CreationTime><StackStatus>UPDATE_IN_PROGRESS</StackStatus>`
      + '<Outputs><member><OutputKey>Key</OutputKey><OutputValue>value</OutputValue></member></Outputs>'
      + '</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>request-1</RequestId></ResponseMetadata></DescribeStacksResponse>'),
  },
  DescribeStackResourceCommand: {
    client: 'CloudFormationClient',
    input: { StackName: 'stack', LogicalResourceId: 'Branding' },
    answer: xml('<DescribeStackResourceResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStackResourceResult><StackResourceDetail>'
      + `${STACK_XML}<LogicalResourceId>Branding</LogicalResourceId><PhysicalResourceId>physical</PhysicalResourceId><ResourceType>Custom::X</ResourceType>`
      + '<LastUpdatedTimestamp>2026-01-01T00:00:00.000Z</LastUpdatedTimestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus>'
      + '</StackResourceDetail></DescribeStackResourceResult><ResponseMetadata><RequestId>request-1</RequestId></ResponseMetadata></DescribeStackResourceResponse>'),
  },
};

/** The botocore model behind each client, for the errors each operation can answer. */
const SERVICE_OF: Record<ClientName, ServiceName> = {
  CognitoIdentityProviderClient: 'cognito-idp',
  S3Client: 's3',
  SSMClient: 'ssm',
  CloudFormationClient: 'cloudformation',
};

/** Errors no model lists but a service answers any call with, which the handler's retry policy reads by name. */
const UNMODELED_ERRORS: Record<ClientName, { code: string; status: number }[]> = {
  CognitoIdentityProviderClient: [{ code: 'ThrottlingException', status: 400 }, { code: 'AccessDeniedException', status: 400 }],
  S3Client: [{ code: 'SlowDown', status: 503 }, { code: 'AccessDenied', status: 403 }, { code: 'InternalError', status: 500 }],
  SSMClient: [{ code: 'ThrottlingException', status: 400 }, { code: 'AccessDeniedException', status: 400 }],
  CloudFormationClient: [{ code: 'Throttling', status: 400 }, { code: 'ValidationError', status: 400 }],
};

/** An error answer as the client's protocol writes it (botocore: json, rest-xml, query). */
function errorAnswer(client: ClientName, code: string, status: number): Answer {
  const headers = { 'x-amzn-requestid': 'request-2', 'x-amz-request-id': 'request-2' };
  if (client === 'CognitoIdentityProviderClient' || client === 'SSMClient') {
    return { statusCode: status, headers: { ...headers, 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: code, message: `${code} happened` }) };
  }
  if (client === 'S3Client') {
    return { statusCode: status, headers: { ...headers, 'content-type': 'application/xml' }, body: `<Error><Code>${code}</Code><Message>${code} happened</Message><RequestId>request-2</RequestId></Error>` };
  }
  return {
    statusCode: status,
    headers: { ...headers, 'content-type': 'text/xml' },
    body: `<ErrorResponse><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${code} happened</Message></Error><RequestId>request-2</RequestId></ErrorResponse>`,
  };
}

/** The modeled errors of one command's operation, with the status botocore gives each. */
function modeledErrors(command: string, client: ClientName): { code: string; status: number }[] {
  const model = serviceModel(SERVICE_OF[client]);
  const operation = model.operations[command.replace(/Command$/, '')];
  return (operation.errors ?? []).map(({ shape }) => {
    const declared = model.shapes[shape] as { error?: { code?: string; httpStatusCode?: number }; fault?: boolean };
    return { code: declared.error?.code ?? shape, status: declared.error?.httpStatusCode ?? (declared.fault ? 500 : 400) };
  });
}

/** Headers that change with the clock or per call. */
const VARYING_HEADERS = new Set(['x-amz-date', 'authorization', 'amz-sdk-invocation-id']);

interface Exchange {
  readonly request: { method: string; hostname: string; path: string; query: unknown; headers: Record<string, string>; body: string };
  readonly outcome: unknown;
}

/** What a test changes of a command's case: its input, or the client's configuration. */
interface Overrides {
  readonly input?: object;
  readonly config?: object;
}

/** Sends one command through one build of the SDK, answering every request with `answer`; returns the requests and what the handler reads of the result. */
async function send(sdk: Sdk, commandName: string, answer: Answer, overrides: Overrides = {}): Promise<{ requests: Exchange['request'][]; outcome: unknown }> {
  const { client, input } = COMMANDS[commandName];
  const requests: Exchange['request'][] = [];
  const Client = (sdk as unknown as Record<string, new (config: object) => { send(command: unknown): Promise<any> }>)[client];
  const Command = (sdk as unknown as Record<string, new (input: object) => unknown>)[commandName];
  const instance = new Client({
    // As the handler builds its clients (one attempt, the standard retry mode), but for the HTTP handler, which answers here
    ...clientConfig(),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' },
    requestHandler: {
      handle: async (sent: { method: string; hostname: string; path: string; query: unknown; headers: Record<string, string>; body?: unknown }) => {
        const body = sent.body instanceof Uint8Array ? Buffer.from(sent.body.buffer, sent.body.byteOffset, sent.body.byteLength).toString('base64') : String(sent.body ?? '');
        const headers = Object.fromEntries(Object.entries(sent.headers).filter(([name]) => !VARYING_HEADERS.has(name.toLowerCase())));
        requests.push({ method: sent.method, hostname: sent.hostname, path: sent.path, query: sent.query, headers, body });
        return { response: { statusCode: answer.statusCode, headers: answer.headers, body: Readable.from([Buffer.from(answer.body)]) } };
      },
    },
    ...overrides.config,
  });
  let outcome: unknown;
  try {
    const output = await instance.send(new Command(overrides.input ?? input));
    const { Body, ...rest } = output;
    outcome = { output: rest, body: Body ? await Body.transformToString() : undefined };
  } catch (error) {
    const e = error as { message?: string; $fault?: string; $metadata?: object };
    outcome = { error: { name: awsErrorName(error), message: e.message, fault: e.$fault, metadata: e.$metadata, retryable: isRetryable(error) } };
  }
  return { requests, outcome };
}

/** As send, for a command that must reach the service: its one request and the outcome. */
async function exchange(sdk: Sdk, commandName: string, answer: Answer, overrides: Overrides = {}): Promise<Exchange> {
  const { requests, outcome } = await send(sdk, commandName, answer, overrides);
  if (requests.length !== 1) throw new Error(`${commandName} sent ${requests.length} requests: ${JSON.stringify(outcome)}`);
  return { request: requests[0], outcome };
}

let trimmed: Sdk;
let untrimmed: Sdk;

beforeAll(async () => {
  // GIVEN lambda/shared/sdk.ts built as the Lambda bundles are, and the same without the plugin
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-trim-'));
  const options = lambdaBuildOptions(path.join(__dirname, '..', '..', 'lambda', 'shared', 'sdk.ts'));
  expect(options.plugins?.map((plugin) => plugin.name)).toEqual(['sdk-trim']);
  await build({ ...options, outfile: path.join(dir, 'trimmed.js'), logLevel: 'silent' });
  await build({ ...options, plugins: [], outfile: path.join(dir, 'untrimmed.js'), logLevel: 'silent' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the builds are CommonJS files written just now
  trimmed = require(path.join(dir, 'trimmed.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  untrimmed = require(path.join(dir, 'untrimmed.js'));
}, 60_000);

test('every command the handler imports has a case here', () => {
  // THEN the commands of lambda/shared/sdk.ts are exactly those exercised below
  expect(Object.keys(untrimmed).filter((name) => name.endsWith('Command')).sort()).toEqual(Object.keys(COMMANDS).sort());
  expect(Object.keys(trimmed).sort()).toEqual(Object.keys(untrimmed).sort());
});

test.each(Object.keys(COMMANDS))('%s sends the same request and reads the same answer through the trimmed build as without the trim', async (commandName) => {
  // WHEN the command goes through both builds with the same answer
  const fromTrimmed = await exchange(trimmed, commandName, COMMANDS[commandName].answer);
  const fromUntrimmed = await exchange(untrimmed, commandName, COMMANDS[commandName].answer);

  // THEN the requests (User-Agent and its SDK version included) and the parsed answers are the same, and the answer parsed
  expect(fromTrimmed).toEqual(fromUntrimmed);
  expect(fromTrimmed.outcome).not.toHaveProperty('error');
});

test.each(Object.keys(COMMANDS))('%s raises every error its operation can answer as the untrimmed build does, in what the handler reads', async (commandName) => {
  // GIVEN every error botocore's model lists for the operation, and the unmodeled ones the retry policy reads
  const { client } = COMMANDS[commandName];
  const errors = [...modeledErrors(commandName, client), ...UNMODELED_ERRORS[client]];

  for (const { code, status } of errors) {
    // WHEN the service answers the command with it
    const fromTrimmed = await exchange(trimmed, commandName, errorAnswer(client, code, status));
    const fromUntrimmed = await exchange(untrimmed, commandName, errorAnswer(client, code, status));

    // THEN the name, message, fault, metadata and retry decision are the same, and the name is the error's
    expect({ code, ...fromTrimmed }).toEqual({ code, ...fromUntrimmed });
    expect(fromTrimmed.outcome).toMatchObject({ error: { name: code, message: `${code} happened` } });
  }
});

test('DescribeUserPool reads back every member of the pool the model has, nested shapes included', async () => {
  // WHEN the pool with every member set is read through the trimmed build
  const { outcome } = await exchange(trimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer);

  // THEN every member the model's UserPoolType has is there: pool-settings.ts writes back what Describe read
  const sample = sampleOf(COGNITO, 'UserPoolType', 'output') as Record<string, unknown>;
  const pool = (outcome as { output: { UserPool: Record<string, unknown> } }).output.UserPool;
  expect(Object.keys(pool).sort()).toEqual(Object.keys(sample).sort());
  expect(pool.LambdaConfig).toEqual(sample.LambdaConfig);
});

describe('what scripts/bundle/ leaves out of the SDK is never reached by what the handler sends', () => {
  const getObject = COMMANDS.GetObjectCommand.answer;
  const checksum = (algorithm: string, value: string): Answer => ({ ...getObject, headers: { ...getObject.headers, [`x-amz-checksum-${algorithm}`]: value } });
  const crc32Of = (body: string) => {
    const digest = Buffer.alloc(4);
    digest.writeUInt32BE(crc32(body));
    return digest.toString('base64');
  };
  /** What S3 answers a GetObject with x-amz-checksum-mode ENABLED with (the SDK's default for GetObject): the object's checksum, as it was uploaded or as S3 computed it. */
  const RIGHT: Record<string, string> = {
    crc32: crc32Of(getObject.body),
    sha1: createHash('sha1').update(getObject.body).digest('base64'),
    sha256: createHash('sha256').update(getObject.body).digest('base64'),
  };
  const WRONG: Record<string, string> = {
    crc32: 'AAAAAA==',
    crc32c: 'AAAAAA==',
    crc64nvme: 'AAAAAAAAAAA=',
    sha1: Buffer.alloc(20).toString('base64'),
    sha256: Buffer.alloc(32).toString('base64'),
  };

  test.each(Object.keys(RIGHT))('GetObject validates an object\'s %s checksum through node-only.ts\'s native hashes as the untrimmed build does', async (algorithm) => {
    // WHEN S3 answers with the object's checksum
    const fromTrimmed = await exchange(trimmed, 'GetObjectCommand', checksum(algorithm, RIGHT[algorithm]));
    const fromUntrimmed = await exchange(untrimmed, 'GetObjectCommand', checksum(algorithm, RIGHT[algorithm]));

    // THEN the request asked for it, and the body is read the same, without error
    expect(fromTrimmed.request.headers['x-amz-checksum-mode']).toBe('ENABLED');
    expect(fromTrimmed).toEqual(fromUntrimmed);
    expect(fromTrimmed.outcome).toMatchObject({ body: getObject.body });
  });

  test.each(Object.keys(WRONG))('GetObject refuses a body whose %s checksum differs as the untrimmed build does', async (algorithm) => {
    // WHEN S3 answers with a checksum the body does not have
    const fromTrimmed = await exchange(trimmed, 'GetObjectCommand', checksum(algorithm, WRONG[algorithm]));
    const fromUntrimmed = await exchange(untrimmed, 'GetObjectCommand', checksum(algorithm, WRONG[algorithm]));

    // THEN both refuse it the same way
    expect(fromTrimmed).toEqual(fromUntrimmed);
    expect(fromTrimmed.outcome).toMatchObject({ error: { message: expect.stringContaining('Checksum mismatch') } });
  });

  test('GetObject from a directory bucket is refused naming no-directory-buckets.ts, where the untrimmed build would open an S3 Express session', async () => {
    // GIVEN a directory bucket's name (S3 Express One Zone: <base>--<zone id>--x-s3), which the bootstrap's asset bucket never has
    const input = { Bucket: 'assets--euw1-az1--x-s3', Key: 'abc.png' };

    // WHEN GetObject is sent to it through both builds
    const fromTrimmed = await send(trimmed, 'GetObjectCommand', getObject, { input });
    const fromUntrimmed = await send(untrimmed, 'GetObjectCommand', getObject, { input });

    // THEN the untrimmed build asks for a session (CreateSession: GET /?session) and the trimmed one sends nothing and says why
    expect(fromUntrimmed.requests[0]?.query).toHaveProperty('session');
    expect(fromTrimmed.requests).toEqual([]);
    expect(fromTrimmed.outcome).toMatchObject({ error: { message: expect.stringContaining('scripts/bundle/no-directory-buckets.ts') } });
  });

  describe('the retry mode, as the handler builds its clients (lambda/shared/clients.ts)', () => {
    const saved = process.env.AWS_RETRY_MODE;
    afterEach(() => {
      if (saved === undefined) delete process.env.AWS_RETRY_MODE;
      else process.env.AWS_RETRY_MODE = saved;
    });

    test('is standard even where AWS_RETRY_MODE says adaptive, so standard-retry.ts\'s stand-in is never built: the same request as the untrimmed build', async () => {
      // GIVEN an environment asking for the adaptive mode
      process.env.AWS_RETRY_MODE = 'adaptive';

      // WHEN
      const fromTrimmed = await exchange(trimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer);
      const fromUntrimmed = await exchange(untrimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer);

      // THEN
      expect(clientConfig().retryMode).toBe('standard');
      expect(fromTrimmed).toEqual(fromUntrimmed);
    });

    test('a client that asked for adaptive itself would be refused naming standard-retry.ts, where the untrimmed build sends', async () => {
      // WHEN
      const fromTrimmed = await send(trimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer, { config: { retryMode: 'adaptive' } });
      const fromUntrimmed = await send(untrimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer, { config: { retryMode: 'adaptive' } });

      // THEN
      expect(fromUntrimmed.requests).toHaveLength(1);
      expect(fromTrimmed.requests).toEqual([]);
      expect(fromTrimmed.outcome).toMatchObject({ error: { message: expect.stringContaining('scripts/bundle/standard-retry.ts') } });
    });
  });

  describe('a client built without a region, as the handler builds its clients (lambda/shared/clients.ts)', () => {
    const saved = { ...process.env };
    beforeEach(() => {
      // GIVEN no shared config files to read a region from
      process.env.AWS_CONFIG_FILE = path.join(os.tmpdir(), 'sdk-trim-no-config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(os.tmpdir(), 'sdk-trim-no-credentials');
    });
    afterEach(() => {
      process.env = { ...saved };
    });

    test('takes the Region from AWS_REGION, which Lambda always sets, through lambda-environment.ts as the untrimmed build does', async () => {
      // GIVEN
      process.env.AWS_REGION = 'ap-southeast-2';

      // WHEN
      const fromTrimmed = await exchange(trimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer, { config: { region: undefined } });
      const fromUntrimmed = await exchange(untrimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer, { config: { region: undefined } });

      // THEN
      expect(fromTrimmed.request.hostname).toBe('cognito-idp.ap-southeast-2.amazonaws.com');
      expect(fromTrimmed).toEqual(fromUntrimmed);
    });

    test('without AWS_REGION, finds none, as the untrimmed build does where there is no instance metadata', async () => {
      // GIVEN no AWS_REGION, and instance metadata off (as in a Lambda, which has none)
      delete process.env.AWS_REGION;
      process.env.AWS_EC2_METADATA_DISABLED = 'true';

      // WHEN
      const fromTrimmed = await send(trimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer, { config: { region: undefined } });
      const fromUntrimmed = await send(untrimmed, 'DescribeUserPoolCommand', COMMANDS.DescribeUserPoolCommand.answer, { config: { region: undefined } });

      // THEN both refuse alike, sending nothing
      expect(fromTrimmed).toEqual(fromUntrimmed);
      expect(fromTrimmed).toMatchObject({ requests: [], outcome: { error: { message: 'Region is missing' } } });
    });
  });
});
