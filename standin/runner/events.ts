import { randomUUID } from 'crypto';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';

/**
 * CloudFormation custom-resource events as CloudFormation sends them. Every
 * scalar in the properties arrives as a string (numbers and booleans
 * included), which is what the handler's property contract expects.
 */
export function stringifyScalars(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stringifyScalars);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stringifyScalars(item)]));
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

export interface EventTarget {
  readonly stackId: string;
  readonly region: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly serviceToken: string;
}

export function customResourceEvent(
  target: EventTarget,
  requestType: 'Create' | 'Update' | 'Delete',
  properties: { readonly [name: string]: unknown },
  physicalId?: string,
  oldProperties?: { readonly [name: string]: unknown },
): CloudFormationCustomResourceEvent {
  const requestId = randomUUID();
  const region = target.region.replace(/-/g, '');
  const common = {
    ServiceToken: target.serviceToken,
    ResponseURL: `https://cloudformation-custom-resource-response-${region}.s3.${target.region}.amazonaws.com/`
      + `${encodeURIComponent(`${target.stackId}|${target.logicalId}|${requestId}`)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=stand-in`,
    StackId: target.stackId,
    RequestId: requestId,
    LogicalResourceId: target.logicalId,
    ResourceType: target.resourceType,
    ResourceProperties: stringifyScalars(properties) as { ServiceToken: string; [key: string]: any },
  };
  switch (requestType) {
    case 'Create':
      return { ...common, RequestType: 'Create' };
    case 'Update':
      return { ...common, RequestType: 'Update', PhysicalResourceId: physicalId!, OldResourceProperties: stringifyScalars(oldProperties) as { ServiceToken: string; [key: string]: any } };
    case 'Delete':
      return { ...common, RequestType: 'Delete', PhysicalResourceId: physicalId! };
  }
}
