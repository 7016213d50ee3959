/**
 * The custom-resource Lambda of cdk-cognito-login: one function per stack
 * serves every managed login branding style and classic hosted-UI
 * customization. aws-cdk-lib's core CustomResourceProvider wraps it with its
 * nodejs-entrypoint, which answers CloudFormation: SUCCESS with what this
 * returns, FAILED with the message of what it throws.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { onBrandingEvent } from './branding/handler';
import { onClassicEvent } from './classic/handler';
import { cognitoClient, s3Client, ssmClient } from './shared/clients';
import { DEFAULT_SAFETY_MARGIN_MS, RemainingTime, withDeadline } from './shared/deadline';
import { log } from './shared/log';
import { HandlerResult } from './shared/result';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './shared/retry';
import { Runtime } from './shared/runtime';
import { CLASSIC_CUSTOMIZATION_TYPE, MANAGED_LOGIN_BRANDING_TYPE } from '../src/private/custom-resource-contract';

/** Knobs for tests; the deployed handler uses the defaults. */
export interface HandlerOptions {
  readonly retry?: Partial<RetryPolicy>;
  /** @default DEFAULT_SAFETY_MARGIN_MS */
  readonly safetyMarginMs?: number;
}

/** The handler's signature; of the Lambda context it reads only the remaining time. */
export type CustomResourceHandler = (event: CloudFormationCustomResourceEvent, context: RemainingTime) => Promise<HandlerResult>;

export function createHandler(options: HandlerOptions = {}): CustomResourceHandler {
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const marginMs = options.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS;
  return async (event, context) => {
    log('request', {
      requestType: event.RequestType,
      resourceType: event.ResourceType,
      physicalResourceId: event.RequestType === 'Create' ? undefined : event.PhysicalResourceId,
    });
    return withDeadline(context, marginMs, (signal, deadlineAt) => {
      const rt: Runtime = { cognito: cognitoClient(), s3: s3Client(), ssm: ssmClient(), retry, signal, deadlineAt };
      return dispatch(rt, event);
    }, retry.now);
  };
}

function dispatch(rt: Runtime, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  switch (event.ResourceType) {
    case MANAGED_LOGIN_BRANDING_TYPE:
      return onBrandingEvent(rt, event);
    case CLASSIC_CUSTOMIZATION_TYPE:
      return onClassicEvent(rt, event);
    default:
      if (event.RequestType === 'Delete') {
        // Nothing of an unknown type was ever created here; refusing would only block the stack's deletion.
        log('nothing to delete', { resourceType: event.ResourceType, reason: 'resource type not served by this handler' });
        return Promise.resolve({ PhysicalResourceId: event.PhysicalResourceId });
      }
      return Promise.reject(new Error(
        `Unsupported resource type ${event.ResourceType}: this handler serves ${MANAGED_LOGIN_BRANDING_TYPE} and ${CLASSIC_CUSTOMIZATION_TYPE}`,
      ));
  }
}

export const handler = createHandler();
