import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { updateRequestOf } from './pool-settings';
import { ALL_CLIENTS } from '../../src/private/custom-resource-contract';
import { CLIENT_REGISTRATION, DeclaredRegistration } from '../../src/registration/private/registration-contract';
import { claimBeforeWriting, release, restoreClaim, Target } from '../shared/claims';
import { declaredOf, sameDeclaredState } from '../shared/declared-state';
import { isAwsError } from '../shared/errors';
import { awsCall, Invocation } from '../shared/invocation';
import { log } from '../shared/log';
import { ownerOf } from '../shared/owners';
import { HandlerResult } from '../shared/result';
import { DcrConfigurationType, DescribeUserPoolCommand, UpdateUserPoolCommand, UserPoolType } from '../shared/sdk';
import { undoFailedCreate } from '../shared/undo';

/**
 * Custom::CognitoClientRegistration: a pool's dynamic client registration
 * (DcrConfiguration; developer guide "Dynamic client registration"). Its
 * physical id is `<UserPoolId>:registration`, so moving it to another pool
 * yields a new id and CloudFormation turns the old pool's registration off
 * with a Delete.
 *
 * Every write reads the pool and writes it back whole with only
 * DcrConfiguration changed (pool-settings.ts). The resource carries a hash
 * of the pool's CloudFormation properties, so each update of the pool is
 * followed by an Update here, which applies the registration again whatever
 * CloudFormation's own UpdateUserPool did to it.
 */
export async function onRegistrationEvent(invocation: Invocation, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  if (event.RequestType === 'Delete') {
    await remove(invocation, event);
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const properties = event.ResourceProperties;
  const declared = CLIENT_REGISTRATION.parse(properties);
  const { userPoolId } = declared;
  const target: Target = { kind: CLIENT_REGISTRATION.claimKind, userPoolId, clientId: declared.clientId };
  const physicalId = physicalIdOf(userPoolId);
  const newTarget = event.RequestType === 'Create' || event.PhysicalResourceId !== physicalId;
  if (!newTarget && sameDeclaredState(event.OldResourceProperties, properties)) {
    log('registration', { action: 'no-op', reason: 'declared state unchanged', userPoolId });
    return { PhysicalResourceId: physicalId };
  }
  const before = await claimBeforeWriting(invocation, target, ownerOf(event), declaredOf(properties));
  if (newTarget) {
    // A Create, or a move onto another pool: all or nothing (see undoFailedCreate).
    let found: DcrConfigurationType | undefined;
    await undoFailedCreate(invocation, target, async (forward) => {
      found = (await describePool(forward, userPoolId)).DcrConfiguration;
      await writeRegistration(forward, userPoolId, configurationOf(declared));
    }, async (cleanup) => {
      log('registration', { action: 'undo', reason: 'the pool gets back the registration settings the create found', userPoolId });
      await writeRegistration(cleanup, userPoolId, found ?? REGISTRATION_OFF);
      await restoreClaim(cleanup, target, before);
    });
    return { PhysicalResourceId: physicalId };
  }
  await writeRegistration(invocation, userPoolId, configurationOf(declared));
  return { PhysicalResourceId: physicalId };
}

/** Registration turned off: what a Delete leaves ("Disabled", DcrConfigurationType.EnableStatus). */
export const REGISTRATION_OFF: DcrConfigurationType = { EnableStatus: 'Disabled' };

/**
 * The model's DcrConfiguration for what the template declares. Both grant
 * lists are written, never left to Cognito's defaults (authenticated
 * registration would otherwise allow client_credentials too): an open
 * registration allows the same grants to authenticated registrars.
 */
export function configurationOf(declared: DeclaredRegistration): DcrConfigurationType {
  return {
    EnableStatus: 'Enabled',
    OpenDcrEnabled: declared.open,
    AuthenticatedGrantTypes: [...declared.grantTypes],
    ...(declared.open ? { OpenDcrGrantTypes: [...declared.grantTypes] } : {}),
    AllowedScopes: [...declared.allowedScopes],
  };
}

function physicalIdOf(userPoolId: string): string {
  return `${userPoolId}:registration`;
}

async function describePool(invocation: Invocation, userPoolId: string): Promise<UserPoolType> {
  const response = await awsCall(invocation, 'DescribeUserPool', (options) => invocation.cognito.send(
    new DescribeUserPoolCommand({ UserPoolId: userPoolId }), options));
  if (!response.UserPool) {
    throw new Error(`DescribeUserPool answered no pool for ${userPoolId}`);
  }
  return response.UserPool;
}

/** Reads the pool and writes it back whole, with `dcr` as its registration settings. */
async function writeRegistration(invocation: Invocation, userPoolId: string, dcr: DcrConfigurationType): Promise<void> {
  const pool = await describePool(invocation, userPoolId);
  log('registration', { action: dcr.EnableStatus === 'Disabled' ? 'off' : 'set', userPoolId });
  const request = updateRequestOf(pool, dcr);
  await awsCall(invocation, 'UpdateUserPool', (options) => invocation.cognito.send(new UpdateUserPoolCommand(request), options));
}

/** Applies a declaration read from an ownership record. */
async function applyDeclared(invocation: Invocation, properties: Record<string, unknown>): Promise<void> {
  const declared = CLIENT_REGISTRATION.parse(properties);
  await writeRegistration(invocation, declared.userPoolId, configurationOf(declared));
}

/**
 * Turns registration off if this resource owns the pool's registration, or
 * applies an earlier owner's declaration again (claims.ts). A pool that is
 * gone has nothing left to turn off.
 */
async function remove(invocation: Invocation, event: CloudFormationCustomResourceEvent & { RequestType: 'Delete' }): Promise<void> {
  const match = /^(.+):registration$/.exec(event.PhysicalResourceId);
  if (!match) {
    log('nothing to turn off', { physicalResourceId: event.PhysicalResourceId, reason: 'physical id is not <UserPoolId>:registration' });
    return;
  }
  const userPoolId = match[1];
  const target: Target = { kind: CLIENT_REGISTRATION.claimKind, userPoolId, clientId: ALL_CLIENTS };
  const turnOff = async () => {
    try {
      await writeRegistration(invocation, userPoolId, REGISTRATION_OFF);
    } catch (error) {
      if (!isAwsError(error, 'ResourceNotFoundException')) {
        throw error;
      }
      log('registration', { action: 'nothing to turn off', reason: 'user pool not found', userPoolId });
    }
  };
  const outcome = await release(invocation, target, ownerOf(event), {
    remove: turnOff,
    restore: (declared) => applyDeclared(invocation, declared),
  });
  if (outcome === 'legacy') {
    await turnOff();
  }
}
