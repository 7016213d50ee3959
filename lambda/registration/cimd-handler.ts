import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { CLIENT_METADATA_POLICY, DeclaredClientMetadataPolicy } from '../../src/registration/private/cimd-contract';
import { sameDeclaredState } from '../shared/declared-state';
import { isAwsError } from '../shared/errors';
import { awsCall, Invocation } from '../shared/invocation';
import { log } from '../shared/log';
import { HandlerResult } from '../shared/result';
import { CimdPolicySummary, CreateCIMDPolicyCommand, DeleteCIMDPolicyCommand, ListCIMDPoliciesCommand, UpdateCIMDPolicyCommand } from '../shared/sdk';
import { undoFailedCreate } from '../shared/undo';

/**
 * Custom::CognitoClientMetadataPolicy: one CIMD policy of one app client.
 * Its physical id is `<UserPoolId>:<CIMDPolicyId>`. An Update changes the
 * policy in place (UpdateCIMDPolicy takes the client, patterns and cache
 * duration); a move to another pool, or a policy deleted outside
 * CloudFormation, makes a new one, whose new physical id has CloudFormation
 * delete the old. The resource depends on its client, so CloudFormation
 * deletes the policy before the client.
 *
 * A policy of the client with the declared PolicyName is this resource's:
 * the name is the client's construct id under its login, and no claim is
 * kept. So a Create first lists the pool's policies and adopts one of its
 * own left by an earlier Create whose answer never came (and deletes any
 * duplicate), a retried CreateCIMDPolicy looks whether its lost attempt
 * landed before sending again, and a Create that fails deletes what it
 * made before answering (aws-cdk-lib's entrypoint answers a failed
 * Create's rollback Delete without calling the handler; see
 * undoFailedCreate). docs/deployment-sequences.md lists the sequences.
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
  const policyId = await create(invocation, declared);
  return { PhysicalResourceId: `${declared.userPoolId}:${policyId}` };
}

/**
 * Creates the declared policy, or adopts this resource's own (see above),
 * all or nothing: when it fails, every policy of the client with the
 * declared name is deleted before the error is answered.
 */
async function create(invocation: Invocation, declared: DeclaredClientMetadataPolicy): Promise<string> {
  const fields = { userPoolId: declared.userPoolId, clientId: declared.clientId };
  return undoFailedCreate(invocation, fields, async (forward) => {
    const [adopted, ...duplicates] = await ownPolicies(forward, declared);
    for (const duplicate of duplicates) {
      await deletePolicy(forward, declared.userPoolId, duplicate.CIMDPolicyId);
      log('client metadata policy', { action: 'deleted', reason: 'a duplicate of an earlier create', ...fields });
    }
    if (adopted !== undefined) {
      await awsCall(forward, 'UpdateCIMDPolicy', (options) => forward.cognito.send(new UpdateCIMDPolicyCommand({
        ...requestOf(declared), CIMDPolicyId: adopted.CIMDPolicyId,
      }), options));
      log('client metadata policy', { action: 'adopted', reason: 'an earlier create landed without its answer', ...fields });
      return adopted.CIMDPolicyId;
    }
    let attempts = 0;
    const created = await awsCall(forward, 'CreateCIMDPolicy', async (options) => {
      // A retry after an attempt whose answer never came: that attempt may have made the policy.
      if (attempts++ > 0) {
        const [landed] = await ownPolicies(forward, declared);
        if (landed !== undefined) {
          return { CIMDPolicy: { ...landed, UserPoolId: declared.userPoolId } };
        }
      }
      return forward.cognito.send(new CreateCIMDPolicyCommand(requestOf(declared)), options);
    });
    log('client metadata policy', { action: 'created', ...fields });
    return created.CIMDPolicy.CIMDPolicyId;
  }, async (cleanup) => {
    for (const left of await ownPolicies(cleanup, declared)) {
      await deletePolicy(cleanup, declared.userPoolId, left.CIMDPolicyId);
    }
  });
}

/** The pool's policies of the declared client and name, every page, oldest first. */
async function ownPolicies(invocation: Invocation, declared: DeclaredClientMetadataPolicy): Promise<CimdPolicySummary[]> {
  const found: CimdPolicySummary[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await awsCall(invocation, 'ListCIMDPolicies', (options) => invocation.cognito.send(new ListCIMDPoliciesCommand({
      UserPoolId: declared.userPoolId, MaxResults: 60, ...(token === undefined ? {} : { NextToken: token }),
    }), options));
    found.push(...page.CIMDPolicies.filter((p) => p.ClientId === declared.clientId && p.PolicyName === declared.policyName));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return found;
}

async function deletePolicy(invocation: Invocation, userPoolId: string, policyId: string): Promise<void> {
  try {
    await awsCall(invocation, 'DeleteCIMDPolicy', (options) => invocation.cognito.send(new DeleteCIMDPolicyCommand({
      UserPoolId: userPoolId, CIMDPolicyId: policyId,
    }), options));
  } catch (error) {
    // A delete whose answer was lost and whose retry finds nothing has done its work.
    if (!isAwsError(error, 'ResourceNotFoundException')) {
      throw error;
    }
  }
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
  await deletePolicy(invocation, address.userPoolId, address.policyId);
  log('client metadata policy', { action: 'deleted', reason: 'deleted, or already gone with its pool', userPoolId: address.userPoolId });
}
