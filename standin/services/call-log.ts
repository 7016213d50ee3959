import { ServiceName } from './botocore-models';
import { FaultKind } from './faults';

/** One request the stand-in answered. */
export interface CallRecord {
  /** 1-based, in the order requests arrived. */
  readonly seq: number;
  readonly service: ServiceName;
  readonly operation: string;
  /** The Region the request was signed for (its SigV4 credential scope). */
  readonly region?: string;
  readonly userPoolId?: string;
  readonly clientId?: string;
  /** The branding id the request named or the answer returned. */
  readonly brandingId?: string;
  /** SSM parameter name, `s3://bucket/key`, or the StackName CloudFormation was asked about. */
  readonly resource?: string;
  /** 'ok', or the error code answered (e.g. TooManyRequestsException). */
  readonly outcome: string;
  /** The injected fault behind the outcome, if any. */
  readonly fault?: FaultKind;
  readonly status: number;
  /** The HTTP request body as received. */
  readonly requestBytes: number;
  readonly durationMs: number;
}
