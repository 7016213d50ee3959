import { ServiceName } from './botocore-models';
import { settingsRefusal } from './branding-store';
import { Prng } from './prng';
import { ServiceError } from './service-error';

/**
 * Faults on demand: what a real service does now and then, made to happen
 * when a test says so. Count-based rules fire on the next N matching calls;
 * rate-based ones on a share of them, drawn from the stand-in's seeded PRNG
 * so a run is reproducible.
 */
export type FaultKind =
  /** TooManyRequestsException (SSM: ThrottlingException, S3: SlowDown). */
  | 'throttle'
  /** ConcurrentModificationException (SSM: TooManyUpdates, S3: OperationAborted). */
  | 'concurrent-modification'
  /** HTTP 500 InternalErrorException (SSM: InternalServerError, S3: InternalError); nothing is done. */
  | 'internal-error'
  /** The call is carried out, then answered with the 500 of 'internal-error'. */
  | 'lost-response'
  /** The call is carried out, and answered, after `delayMs`: also when the client stopped waiting before then. */
  | 'slow'
  /** Cognito refuses the request's Settings document (only calls that carry Settings match). */
  | 'refuse-settings'
  /**
   * A refusal no retry helps, nothing done: Cognito's InvalidParameterException
   * for an image it will not take, SSM's ParameterLimitExceeded, S3's NoSuchKey
   * (or the rule's own `code` and `message`).
   */
  | 'refuse';

export interface FaultRule {
  readonly kind: FaultKind;
  /** Operation name(s), e.g. 'CreateManagedLoginBranding'. @default every operation */
  readonly operation?: string | readonly string[];
  /** Only calls on this user pool. @default any pool (and calls without one) */
  readonly userPoolId?: string;
  /** The next `count` matching calls. */
  readonly count?: number;
  /** Lets this many matching calls through first (a refusal of the retry after a lost response, say). @default 0 */
  readonly after?: number;
  /** This share (0..1) of matching calls. With neither count nor rate: every matching call. */
  readonly rate?: number;
  /** For 'slow'. @default 1000 */
  readonly delayMs?: number;
  /** For 'refuse-settings': the JSON paths Cognito names. @default ['$.components.x'] */
  readonly properties?: readonly string[];
  /** For 'refuse': the error code and message. @default the service's own (see FaultKind) */
  readonly code?: string;
  readonly message?: string;
}

/** What a call is, as far as faults match on it. */
export interface CallTarget {
  readonly service: ServiceName;
  readonly operation: string;
  readonly userPoolId?: string;
  readonly hasSettings: boolean;
}

/** The faults chosen for one call. */
export interface FaultDecision {
  readonly delayMs: number;
  /** Answer this instead of carrying out the call. */
  readonly error?: { readonly kind: FaultKind; readonly error: ServiceError };
  /** Carry out the call, then answer a 500. */
  readonly loseResponse: boolean;
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining?: number;
  skip: number;
}

/** A service's throughput quota: at most `perSecond` of these calls answered in any second. */
export interface RateLimit {
  readonly service: ServiceName;
  readonly operations: readonly string[];
  readonly perSecond: number;
}

export class Faults {
  private rules: ActiveRule[] = [];
  private readonly writeLimits = new Map<string, number>();
  private rateLimits: { readonly limit: RateLimit; readonly admitted: number[] }[] = [];

  constructor(private readonly prng: Prng) {}

  /** Adds a rule; returns a function that removes it. */
  inject(rule: FaultRule): () => void {
    const active: ActiveRule = { rule, remaining: rule.count, skip: rule.after ?? 0 };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter((r) => r !== active);
    };
  }

  /**
   * At most `limit` writes in flight on one pool (or on every pool with '*');
   * a write beyond it gets TooManyRequestsException, as Cognito's per-pool
   * throttling of branding calls does.
   */
  limitConcurrentWrites(limit: number, userPoolId = '*'): void {
    this.writeLimits.set(userPoolId, limit);
  }

  writeLimit(userPoolId: string | undefined): number | undefined {
    return (userPoolId === undefined ? undefined : this.writeLimits.get(userPoolId)) ?? this.writeLimits.get('*');
  }

  /**
   * At most `perSecond` of the operations answered in any second (the clock's
   * own: fake timers move it too), across every caller: a quota of the
   * account and Region, as SSM's standard throughput of GetParameter,
   * GetParameters and PutParameter (40 per second by default). A call beyond
   * it gets the service's throttling error and does not count.
   */
  limitRate(limit: RateLimit): void {
    this.rateLimits.push({ limit, admitted: [] });
  }

  /** Whether a call is within every rate limit that covers it; counts it when it is. */
  admitByRate(service: ServiceName, operation: string): boolean {
    const now = Date.now();
    const covering = this.rateLimits.filter(({ limit }) => limit.service === service && limit.operations.includes(operation));
    for (const rate of covering) {
      while (rate.admitted.length > 0 && rate.admitted[0] <= now - 1000) {
        rate.admitted.shift();
      }
    }
    if (covering.some((rate) => rate.admitted.length >= rate.limit.perSecond)) {
      return false;
    }
    covering.forEach((rate) => rate.admitted.push(now));
    return true;
  }

  /** Removes every rule and limit. */
  clear(): void {
    this.rules = [];
    this.writeLimits.clear();
    this.rateLimits = [];
  }

  decide(target: CallTarget): FaultDecision {
    let delayMs = 0;
    let error: FaultDecision['error'];
    let loseResponse = false;
    for (const active of this.rules) {
      if (!matches(active.rule, target) || !this.fires(active)) {
        continue;
      }
      const { kind } = active.rule;
      if (kind === 'slow') {
        delayMs += active.rule.delayMs ?? 1000;
      } else if (kind === 'lost-response') {
        loseResponse = true;
      } else {
        error ??= { kind, error: faultError(kind, target.service, active.rule) };
      }
    }
    this.rules = this.rules.filter((r) => r.remaining === undefined || r.remaining > 0);
    return { delayMs, error, loseResponse: loseResponse && !error };
  }

  private fires(active: ActiveRule): boolean {
    if (active.skip > 0) {
      active.skip--;
      return false;
    }
    if (active.remaining !== undefined) {
      if (active.remaining <= 0) {
        return false;
      }
      active.remaining--;
      return true;
    }
    return active.rule.rate === undefined || this.prng.next() < active.rule.rate;
  }
}

function matches(rule: FaultRule, target: CallTarget): boolean {
  const operations = rule.operation === undefined ? undefined : typeof rule.operation === 'string' ? [rule.operation] : rule.operation;
  if (operations && !operations.includes(target.operation)) {
    return false;
  }
  if (rule.userPoolId !== undefined && rule.userPoolId !== target.userPoolId) {
    return false;
  }
  if (rule.kind === 'refuse-settings') {
    return target.hasSettings;
  }
  return rule.kind === 'slow' || faultCode(rule.kind, target.service) !== undefined;
}

/**
 * The error each service answers a fault with. CloudFormation throttles with
 * `Throttling: Rate exceeded` (HTTP 400, aws-sdk-js issue 412,
 * https://github.com/aws/aws-sdk-js/issues/412) and fails with
 * InternalFailure (HTTP 500, Common Errors of its API Reference,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html);
 * it has no concurrent-modification error for the reads the stand-in serves,
 * so that fault never matches its calls.
 */
type ErrorFault = 'throttle' | 'concurrent-modification' | 'internal-error' | 'refuse';
const FAULT_CODES: { readonly [k in ErrorFault]: { readonly [s in ServiceName]?: [string, string, number] } } = {
  'throttle': {
    'cognito-idp': ['TooManyRequestsException', 'Too many requests.', 400],
    'ssm': ['ThrottlingException', 'Rate exceeded', 400],
    's3': ['SlowDown', 'Please reduce your request rate.', 503],
    'cloudformation': ['Throttling', 'Rate exceeded', 400],
  },
  'concurrent-modification': {
    'cognito-idp': ['ConcurrentModificationException', 'A concurrent modification of the resource is in progress.', 400],
    'ssm': ['TooManyUpdates', 'There are concurrent updates for the resource that you are trying to update.', 400],
    's3': ['OperationAborted', 'A conflicting conditional operation is currently in progress against this resource.', 409],
  },
  'refuse': {
    'cognito-idp': ['InvalidParameterException', 'The uploaded image must be a valid .jpeg or .png file.', 400],
    'ssm': ['ParameterLimitExceeded', 'You have exceeded the number of parameters for this AWS account. Delete one or more parameters and try again.', 400],
    's3': ['NoSuchKey', 'The specified key does not exist.', 404],
    'cloudformation': ['ValidationError', 'Stack with id Styles does not exist', 400],
  },
  'internal-error': {
    'cognito-idp': ['InternalErrorException', 'Internal server error.', 500],
    'ssm': ['InternalServerError', 'An error occurred on the server side.', 500],
    's3': ['InternalError', 'We encountered an internal error. Please try again.', 500],
    'cloudformation': ['InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500],
  },
};

/** The error code, message and status of an error-answering fault, if the service has one. */
function faultCode(kind: FaultKind, service: ServiceName): [string, string, number] | undefined {
  const table = kind === 'lost-response' ? 'internal-error' : kind;
  return table === 'slow' || table === 'refuse-settings' ? undefined : FAULT_CODES[table][service];
}

export function faultError(kind: FaultKind, service: ServiceName, rule?: FaultRule): ServiceError {
  if (kind === 'refuse-settings') {
    return new ServiceError('InvalidParameterException', settingsRefusal(rule?.properties ?? ['$.components.x']));
  }
  const [code, message, status] = faultCode(kind, service)!;
  return new ServiceError(rule?.code ?? code, rule?.message ?? message, status);
}
