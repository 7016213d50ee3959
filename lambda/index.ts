/**
 * The custom-resource Lambda of cdk-cognito-login: one function per stack
 * serves every resource of the types in registry.ts (managed login branding
 * styles, classic hosted-UI customizations). aws-cdk-lib's core CustomResourceProvider wraps it with its
 * nodejs-entrypoint, which answers CloudFormation: SUCCESS with what this
 * returns, FAILED with the stack of what it throws, which asFailure makes
 * the one line of its message.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { registeredType, RESOURCE_TYPES } from './registry';
import { cloudFormationClient, cognitoClient, s3Client, ssmClient } from './shared/clients';
import { DEFAULT_SAFETY_MARGIN_MS, RemainingTime, withDeadline } from './shared/deadline';
import { asFailure } from './shared/errors';
import { Invocation } from './shared/invocation';
import { log } from './shared/log';
import { HandlerResult } from './shared/result';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './shared/retry';

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
    try {
      return await withDeadline(context, marginMs, (budget) => {
        const invocation: Invocation = {
          cognito: cognitoClient(), s3: s3Client(), ssm: ssmClient(), cloudFormation: cloudFormationClient(), retry, ...budget,
        };
        return dispatch(invocation, event);
      }, retry.now);
    } catch (error) {
      throw asFailure(error);
    }
  };
}

/** The registered type's handler (lambda/registry.ts); an unknown type is refused, except its Delete. */
function dispatch(invocation: Invocation, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  const registered = registeredType(event.ResourceType);
  if (registered) {
    return registered.onEvent(invocation, event);
  }
  if (event.RequestType === 'Delete') {
    // Nothing of an unknown type was ever created here; refusing would only block the stack's deletion.
    log('nothing to delete', { resourceType: event.ResourceType, reason: 'resource type not served by this handler' });
    return Promise.resolve({ PhysicalResourceId: event.PhysicalResourceId });
  }
  const served = RESOURCE_TYPES.map((entry) => entry.type.resourceType);
  return Promise.reject(new Error(
    `Unsupported resource type ${event.ResourceType}: this handler serves ${served.slice(0, -1).join(', ')} and ${served[served.length - 1]}`,
  ));
}

export const handler = createHandler();
