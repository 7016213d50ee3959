import { randomUUID } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { serviceModel, ServiceName } from './botocore-models';
import { BrandingStore } from './branding-store';
import { CallRecord } from './call-log';
import { CimdPolicies } from './cimd-policies';
import { ClassicCustomizations } from './classic-customization';
import { CloudFormationSource, NO_STACKS } from './cloudformation-stacks';
import { ClientOptions, CognitoState, CreateUserPoolDomainOptions, CreateUserPoolOptions } from './cognito-state';
import { FaultDecision, faultError, Faults } from './faults';
import { TARGET_PREFIXES } from './json-protocol';
import { validateInput } from './model-validation';
import { ObjectStore } from './object-store';
import { dispatch, Operations } from './operations';
import { ParameterStore } from './parameter-store';
import { checkSignInSettings, PoolSignInSettings } from './pool-checks';
import { Prng } from './prng';
import { parseQueryRequest, QUERY_SERVICES, queryErrorXml, queryInput, queryResponseXml } from './query-protocol';
import { RegistrationEndpoint } from './registration-endpoint';
import { Replicas } from './replicas';
import { ServiceError } from './service-error';
import { StandInSnapshot, takeSnapshot } from './snapshot';
import { replaceSettings, UserPoolSettings } from './user-pool-settings';
import { UserDirectory } from './users';
import { isWrite } from './write-operations';

export interface StandInOptions {
  /** Seed of ids and rate-based faults. @default 1 */
  readonly seed?: number;
  /** Region of pools created without one. @default 'us-east-1' */
  readonly region?: string;
  /** @default '123456789012' */
  readonly account?: string;
}

/** What createUserPool returns: the values CloudFormation's Ref and GetAtt give. */
export interface CreatedUserPool {
  readonly id: string;
  readonly arn: string;
  readonly providerName: string;
  readonly providerUrl: string;
}

/**
 * A stateful Cognito (managed login branding, classic UI customization,
 * users and the links of account linking),
 * SSM Parameter Store, S3 GetObject and CloudFormation DescribeStackResource
 * on a free loopback port, for the real AWS SDK to talk to. Every request is
 * checked against botocore's model, then carried out with Cognito's
 * semantics; faults come on demand (`faults`).
 *
 * Pools, clients, domains and S3 objects are made through the control-plane
 * methods, not over HTTP: in a deployment CloudFormation makes them. The
 * stacks DescribeStackResource answers from are the CloudFormation runner's,
 * which registers itself (`useCloudFormation`).
 */
export class StandIn {
  /** Starts a stand-in on 127.0.0.1 and a free port. */
  static async start(options: StandInOptions = {}): Promise<StandIn> {
    const standIn = new StandIn(options);
    await new Promise<void>((resolve, reject) => {
      standIn.server.once('error', reject);
      standIn.server.listen(0, '127.0.0.1', () => resolve());
    });
    return standIn;
  }

  /** Faults to inject and the per-pool write concurrency limit. */
  readonly faults: Faults;
  /** Every request answered, in arrival order. */
  readonly calls: CallRecord[] = [];
  readonly region: string;
  readonly account: string;
  /** The state itself, for tests that need to reach past the snapshot. */
  readonly cognito: CognitoState;
  readonly objects = new ObjectStore();
  readonly parameters: ParameterStore;
  /** The pools' users, and the sign-ups and sign-ins people make (control plane of account linking). */
  readonly users: UserDirectory;
  /** Replicas of pools in other Regions, which Regions answer, and what a domain serves (multi-Region replication). */
  readonly replicas: Replicas;
  /** The domain's registration endpoint (RFC 7591) and the token endpoint's client credentials grant (dynamic client registration). */
  readonly oauth: RegistrationEndpoint;

  private readonly ops: Operations;
  private readonly server: http.Server;
  private readonly writesInFlight = new Map<string, number>();
  private cloudFormation: CloudFormationSource = NO_STACKS;
  private seq = 0;

  private constructor(options: StandInOptions) {
    const prng = new Prng(options.seed ?? 1);
    this.region = options.region ?? 'us-east-1';
    this.account = options.account ?? '123456789012';
    this.faults = new Faults(prng);
    this.cognito = new CognitoState(prng, this.region, this.account);
    this.parameters = new ParameterStore(this.region, this.account);
    this.users = new UserDirectory(this.cognito, prng);
    this.replicas = new Replicas(this.cognito);
    this.oauth = new RegistrationEndpoint(this.cognito, prng);
    this.ops = {
      cognito: this.cognito,
      branding: new BrandingStore(this.cognito, prng),
      classic: new ClassicCustomizations(this.cognito),
      parameters: this.parameters,
      users: this.users,
      cloudFormation: { stacks: () => this.cloudFormation.stacks() },
      poolSettings: new UserPoolSettings(this.cognito),
      cimd: new CimdPolicies(this.cognito, prng),
    };
    this.server = http.createServer((req, res) => {
      void this.serve(req, res);
    });
  }

  /** `http://127.0.0.1:<port>`, for the SDK's endpoint settings. */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- control plane (CloudFormation's side) ----

  /** `signIn`: the sign-in settings CreateUserPool refuses together (checked, not kept). */
  createUserPool(options: CreateUserPoolOptions = {}, signIn: PoolSignInSettings = {}): CreatedUserPool {
    checkSignInSettings(signIn);
    const pool = this.cognito.createUserPool(options);
    const providerName = `cognito-idp.${pool.region}.amazonaws.com/${pool.id}`;
    return {
      id: pool.id,
      arn: `arn:aws:cognito-idp:${pool.region}:${pool.account}:userpool/${pool.id}`,
      providerName,
      providerUrl: `https://${providerName}`,
    };
  }

  /**
   * CloudFormation's UpdateUserPool: the sign-in settings it refuses
   * together (checked, not kept), and, when given, the pool's settings,
   * replaced whole (user-pool-settings.ts).
   */
  updateUserPool(userPoolId: string, signIn: PoolSignInSettings, settings?: Record<string, unknown>): void {
    const pool = this.cognito.pool(userPoolId);
    checkSignInSettings(signIn);
    if (settings !== undefined) {
      replaceSettings(pool, settings);
    }
  }

  deleteUserPool(userPoolId: string): void {
    this.cognito.deleteUserPool(userPoolId);
  }

  /** Returns the new client's id; `options`: its OAuth flows and scopes, which the token and registration endpoints read. */
  createUserPoolClient(userPoolId: string, name: string, options: ClientOptions = {}): string {
    return this.cognito.createUserPoolClient(userPoolId, name, options);
  }

  deleteUserPoolClient(userPoolId: string, clientId: string): void {
    this.cognito.deleteUserPoolClient(userPoolId, clientId);
  }

  createUserPoolDomain(userPoolId: string, options: CreateUserPoolDomainOptions): void {
    this.cognito.createUserPoolDomain(userPoolId, options);
  }

  updateUserPoolDomain(userPoolId: string, domain: string, managedLoginVersion: number): void {
    this.cognito.updateUserPoolDomain(userPoolId, domain, managedLoginVersion);
  }

  deleteUserPoolDomain(userPoolId: string, domain: string): void {
    this.cognito.deleteUserPoolDomain(userPoolId, domain);
  }

  /** Stages an S3 object (a CDK file asset) for GetObject. */
  putObject(bucket: string, key: string, bytes: Buffer): void {
    this.objects.put(bucket, key, bytes);
  }

  /** The stacks CloudFormation's DescribeStackResource answers from (the last runner built on this stand-in); none until then. */
  useCloudFormation(source: CloudFormationSource): void {
    this.cloudFormation = source;
  }

  snapshot(): StandInSnapshot {
    return takeSnapshot(this.cognito, this.parameters);
  }

  // ---- data plane (HTTP) ----

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    // A request whose body never arrived whole (the client gave up while
    // sending it) never reached the service: it is not carried out.
    const body = await readBody(req).catch(() => undefined);
    if (body === undefined) {
      return;
    }
    const seq = ++this.seq;
    const region = signingRegion(req);
    if (region !== undefined && !this.replicas.isReachable(region)) {
      // An outage of the Region: no answer at all, the connection drops (the SDK sees a network error and retries).
      this.calls.push({
        seq, service: 'cognito-idp', operation: 'unreachable', region, requestBytes: body.length, outcome: 'RegionUnreachable', status: 0, durationMs: 0,
      });
      req.socket.destroy();
      return;
    }
    const target = req.headers['x-amz-target'];
    const queryService = QUERY_SERVICES[signingName(req) ?? ''];
    if (req.method === 'POST' && typeof target === 'string') {
      await this.serveJson(req, res, target, body, seq, started, region);
    } else if (req.method === 'POST' && queryService) {
      await this.serveQuery(res, queryService, body, seq, started);
    } else {
      await this.serveS3(req, res, body, seq, started);
    }
  }

  private async serveJson(
    req: http.IncomingMessage, res: http.ServerResponse, target: string, body: Buffer, seq: number, started: number, region?: string,
  ): Promise<void> {
    const [prefix, operation] = target.split('.');
    const service = TARGET_PREFIXES[prefix];
    let input: any = {};
    let record: Omit<CallRecord, 'outcome' | 'status' | 'durationMs'> = {
      seq, service: service ?? 'cognito-idp', operation, ...(region ? { region } : {}), requestBytes: body.length,
    };
    const answer = (status: number, payload: object, error?: ServiceError, fault?: CallRecord['fault']) => {
      this.calls.push({ ...record, ...(fault ? { fault } : {}), outcome: error?.code ?? 'ok', status, durationMs: Date.now() - started });
      sendJson(res, status, payload, service, error);
    };
    try {
      if (!service) {
        throw new ServiceError('UnknownOperationException', `Unknown target ${target}`);
      }
      checkSigned(req);
      const contentType = String(req.headers['content-type'] ?? '');
      if (!contentType.startsWith('application/x-amz-json-1.1')) {
        throw new ServiceError('SerializationException', `Unexpected Content-Type ${contentType}`);
      }
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        throw new ServiceError('SerializationException', 'The request body is not JSON.');
      }
    } catch (error) {
      answer((error as ServiceError).status ?? 400, {}, error as ServiceError);
      return;
    }
    const userPoolId = typeof input.UserPoolId === 'string' ? input.UserPoolId : undefined;
    record = {
      ...record,
      ...(userPoolId ? { userPoolId } : {}),
      ...(typeof input.ClientId === 'string' ? { clientId: input.ClientId } : {}),
      ...(typeof input.ManagedLoginBrandingId === 'string' ? { brandingId: input.ManagedLoginBrandingId } : {}),
      ...(typeof input.Name === 'string' ? { resource: input.Name } : {}),
    };
    const decision = this.faults.decide({ service, operation, userPoolId, hasSettings: input.Settings !== undefined });
    const release = this.enterWrite(operation, userPoolId);
    try {
      // A slow call is carried out at the end of its delay, whether or not
      // its client is still waiting: AWS carries out a request it has
      // received even when the connection it came on is gone, so a client
      // that stops waiting (a timeout, an abort) has not stopped the write.
      if (decision.delayMs > 0) {
        await sleep(decision.delayMs);
      }
      if (decision.error) {
        answer(decision.error.error.status, {}, decision.error.error, decision.error.kind);
        return;
      }
      if (!release.admitted || !this.faults.admitByRate(service, operation)) {
        answer(400, {}, faultError('throttle', service), 'throttle');
        return;
      }
      validateInput(service, operation, input);
      const output = dispatch(this.ops, service, operation, input, body.length);
      const brandingId = (output as { ManagedLoginBranding?: { ManagedLoginBrandingId?: string } }).ManagedLoginBranding?.ManagedLoginBrandingId;
      if (brandingId) {
        record = { ...record, brandingId };
      }
      if (decision.loseResponse) {
        const lost = faultError('lost-response', service);
        answer(lost.status, {}, lost, 'lost-response');
        return;
      }
      answer(200, output);
    } catch (error) {
      if (!(error instanceof ServiceError)) {
        throw error;
      }
      answer(error.status, {}, error);
    } finally {
      release.done();
    }
  }

  /**
   * A query-protocol call (CloudFormation): `Action` and `Version` from the
   * form, the rest turned into the input shape and checked against the
   * model like every JSON call, the answer in XML.
   */
  private async serveQuery(res: http.ServerResponse, service: ServiceName, body: Buffer, seq: number, started: number): Promise<void> {
    const request = parseQueryRequest(body);
    const operation = request.action ?? '';
    const stackName = request.params.get('StackName');
    const record = { seq, service, operation, requestBytes: body.length, ...(stackName === null ? {} : { resource: stackName }) };
    const requestId = randomUUID();
    const answer = (status: number, xml: string, error?: ServiceError, fault?: CallRecord['fault']) => {
      this.calls.push({ ...record, ...(fault ? { fault } : {}), outcome: error?.code ?? 'ok', status, durationMs: Date.now() - started });
      res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(xml), 'x-amzn-RequestId': requestId });
      res.end(xml);
    };
    const fail = (error: ServiceError, fault?: CallRecord['fault']) => answer(error.status, queryErrorXml(service, error, requestId), error, fault);
    try {
      const model = serviceModel(service);
      // MissingAction and InvalidAction are the query services' Common Errors (see unknownOperation); the second message is the stand-in's.
      if (request.action === undefined) {
        throw new ServiceError('MissingAction', 'The request is missing an action or a required parameter.');
      }
      if (request.version !== model.metadata.apiVersion || !model.operations[operation]) {
        throw new ServiceError('InvalidAction', `Could not find operation ${operation} for version ${request.version ?? 'NO_VERSION_SPECIFIED'}`);
      }
      const decision = this.faults.decide({ service, operation, hasSettings: false });
      if (decision.delayMs > 0) {
        await sleep(decision.delayMs);
      }
      if (decision.error) {
        fail(decision.error.error, decision.error.kind);
        return;
      }
      const input = queryInput(service, operation, request.params);
      validateInput(service, operation, input);
      const output = dispatch(this.ops, service, operation, input, body.length);
      if (decision.loseResponse) {
        fail(faultError('lost-response', service), 'lost-response');
        return;
      }
      answer(200, queryResponseXml(service, operation, output, requestId));
    } catch (error) {
      if (!(error instanceof ServiceError)) {
        throw error;
      }
      fail(error);
    }
  }

  /** Counts a write in flight on its pool; `admitted` is false beyond the pool's limit. */
  private enterWrite(operation: string, userPoolId: string | undefined): { readonly admitted: boolean; done(): void } {
    const limit = this.faults.writeLimit(userPoolId);
    if (!isWrite(operation) || userPoolId === undefined || limit === undefined) {
      return { admitted: true, done: () => undefined };
    }
    const inFlight = this.writesInFlight.get(userPoolId) ?? 0;
    if (inFlight >= limit) {
      return { admitted: false, done: () => undefined };
    }
    this.writesInFlight.set(userPoolId, inFlight + 1);
    return { admitted: true, done: () => this.writesInFlight.set(userPoolId, (this.writesInFlight.get(userPoolId) ?? 1) - 1) };
  }

  /** S3 GetObject, path style (`/bucket/key`) or virtual-host style (`bucket.localhost`). */
  private async serveS3(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, seq: number, started: number): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const virtualBucket = /^(.+)\.localhost$/.exec(host)?.[1];
    const segments = url.pathname.split('/').slice(1);
    const bucket = virtualBucket ?? decodeURIComponent(segments.shift() ?? '');
    const key = segments.map(decodeURIComponent).join('/');
    const resource = `s3://${bucket}/${key}`;
    const base = { seq, service: 's3' as const, operation: 'GetObject', resource, requestBytes: body.length };
    const fail = (error: ServiceError, fault?: CallRecord['fault']) => {
      this.calls.push({ ...base, ...(fault ? { fault } : {}), outcome: error.code, status: error.status, durationMs: Date.now() - started });
      sendS3Error(res, error, key);
    };
    try {
      if (req.method !== 'GET') {
        throw new ServiceError('MethodNotAllowed', `The stand-in's S3 serves GetObject only, not ${req.method}.`, 405);
      }
      checkSigned(req);
      const decision: FaultDecision = this.faults.decide({ service: 's3', operation: 'GetObject', hasSettings: false });
      if (decision.delayMs > 0) {
        await sleep(decision.delayMs);
      }
      if (decision.error) {
        fail(decision.error.error, decision.error.kind);
        return;
      }
      validateInput('s3', 'GetObject', { Bucket: bucket, Key: key });
      const object = this.objects.get(bucket, key);
      if (decision.loseResponse) {
        fail(faultError('lost-response', 's3'), 'lost-response');
        return;
      }
      this.calls.push({ ...base, outcome: 'ok', status: 200, durationMs: Date.now() - started });
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': object.bytes.length,
        'ETag': object.etag,
        'Last-Modified': new Date(0).toUTCString(),
        'x-amz-request-id': randomUUID(),
      });
      res.end(object.bytes);
    } catch (error) {
      if (!(error instanceof ServiceError)) {
        throw error;
      }
      fail(error);
    }
  }
}

/** The SDK signs every request; an unsigned one is a setup mistake worth failing loudly on. */
function checkSigned(req: http.IncomingMessage): void {
  if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
    throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
  }
}

/** The Region of the SigV4 credential scope, `Credential=<key>/<date>/<region>/<service>/aws4_request`. */
function signingRegion(req: http.IncomingMessage): string | undefined {
  return /Credential=[^/]+\/[^/]+\/([^/]+)\/[^/]+\/aws4_request/.exec(String(req.headers.authorization ?? ''))?.[1];
}

/** The service of the SigV4 credential scope, `Credential=<key>/<date>/<region>/<service>/aws4_request`. */
function signingName(req: http.IncomingMessage): string | undefined {
  return /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ''))?.[1];
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * A JSON 1.1 answer. Errors as Cognito sends them: `__type` and the message
 * in the body (under the member name the model's error shape uses, `message`
 * or `Message`), and the code in `x-amzn-ErrorType`.
 */
function sendJson(res: http.ServerResponse, status: number, payload: object, service: ServiceName | undefined, error?: ServiceError): void {
  const body = error ? { __type: error.code, [messageMember(service, error.code)]: error.message } : payload;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...(error ? { 'x-amzn-ErrorType': error.code } : {}),
  });
  res.end(text);
}

function messageMember(service: ServiceName | undefined, code: string): string {
  const members = service ? serviceModel(service).shapes[code]?.members : undefined;
  return members && 'Message' in members ? 'Message' : 'message';
}

/** S3's XML error document. */
function sendS3Error(res: http.ServerResponse, error: ServiceError, key: string): void {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const requestId = randomUUID();
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<Error><Code>${error.code}</Code><Message>${escape(error.message)}</Message>`
    + `${error.code === 'NoSuchKey' ? `<Key>${escape(key)}</Key>` : ''}<RequestId>${requestId}</RequestId><HostId>stand-in</HostId></Error>`;
  res.writeHead(error.status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(xml), 'x-amz-request-id': requestId });
  res.end(xml);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
