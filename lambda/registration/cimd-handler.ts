import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { CLIENT_METADATA_POLICY, DeclaredClientMetadataPolicy } from '../../src/registration/private/cimd-contract';
import { sameDeclaredState } from '../shared/declared-state';
import { isAwsError } from '../shared/errors';
import { awsCall, Invocation } from '../shared/invocation';
import { log } from '../shared/log';
import { HandlerResult } from '../shared/result';
import { CreateCIMDPolicyCommand, DeleteCIMDPolicyCommand, UpdateCIMDPolicyCommand } from '../shared/sdk';

/**
 * Custom::CognitoClientMetadataPolicy: one CIMD policy of one app client.
 * Its physical id is `<UserPoolId>:<CIMDPolicyId>`. An Update changes the
 * policy in place (UpdateCIMDPolicy takes the client, patterns and cache
 * duration); a move to another pool, or a policy deleted outside
 * CloudFormation, makes a new one, whose new physical id has CloudFormation
 * delete the old. The resource depends on its client, so CloudFormation
 * deletes the policy before the client.
 */
export async function onClientMetadataPolicyEvent(invocation: Invocation, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  if (event.RequestType === 'Delete') {
    await remove(invocation, event.PhysicalResourceId);
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const declared = CLIENT_METADATA_POLICY.parse(event.ResourceProperties);
  const current = event.RequestType === 'Update' ? addressOf(event.PhysicalResourceId) : undefined;
  if (event.RequestType === 'Update' && current?.userPoolId === declared.userPoolId) {
    if (sameDeclaredState(event.OldResourceProperties, event.ResourceProperties)) {
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    try {
      await awsCall(invocation, 'UpdateCIMDPolicy', (options) => invocation.cognito.send(new UpdateCIMDPolicyCommand({
        ...requestOf(declared), CIMDPolicyId: current.policyId,
      }), options));
      log('client metadata policy', { action: 'updated', userPoolId: declared.userPoolId, clientId: declared.clientId });
      return { PhysicalResourceId: event.PhysicalResourceId };
    } catch (error) {
      if (!isAwsError(error, 'ResourceNotFoundException')) {
        throw error;
      }
      log('client metadata policy', { action: 'recreate', reason: 'the policy no longer exists', userPoolId: declared.userPoolId });
    }
  }
  const created = await awsCall(invocation, 'CreateCIMDPolicy', (options) => invocation.cognito.send(new CreateCIMDPolicyCommand(requestOf(declared)), options));
  log('client metadata policy', { action: 'created', userPoolId: declared.userPoolId, clientId: declared.clientId });
  return { PhysicalResourceId: `${declared.userPoolId}:${created.CIMDPolicy.CIMDPolicyId}` };
}

function requestOf(declared: DeclaredClientMetadataPolicy) {
  return {
    UserPoolId: declared.userPoolId,
    ClientId: declared.clientId,
    PolicyName: declared.policyName,
    URLPatterns: [...declared.urlPatterns],
    ...(declared.cacheSeconds === undefined ? {} : { CacheDuration: declared.cacheSeconds }),
  };
}

/** The pool and policy a physical id names; undefined for one that names none (a failed Create's). */
function addressOf(physicalId: string): { userPoolId: string; policyId: string } | undefined {
  const match = /^([\w-]+_[0-9a-zA-Z]+):([a-z0-9]{1,64})$/.exec(physicalId);
  return match ? { userPoolId: match[1], policyId: match[2] } : undefined;
}

/** Deletes the policy; one already gone, or a pool that is gone, has nothing left to delete. */
async function remove(invocation: Invocation, physicalId: string): Promise<void> {
  const address = addressOf(physicalId);
  if (!address) {
    log('nothing to delete', { physicalResourceId: physicalId, reason: 'physical id is not <UserPoolId>:<CIMDPolicyId>' });
    return;
  }
  try {
    await awsCall(invocation, 'DeleteCIMDPolicy', (options) => invocation.cognito.send(new DeleteCIMDPolicyCommand({
      UserPoolId: address.userPoolId, CIMDPolicyId: address.policyId,
    }), options));
    log('client metadata policy', { action: 'deleted', userPoolId: address.userPoolId });
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) {
      throw error;
    }
    log('client metadata policy', { action: 'nothing to delete', reason: 'policy or pool not found', userPoolId: address.userPoolId });
  }
}
