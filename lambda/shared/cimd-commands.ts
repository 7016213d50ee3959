/**
 * The Client ID Metadata Document (CIMD) policy operations of Cognito
 * (botocore 1.44.8's cognito-idp model: Create/Describe/Update/Delete/ListCIMDPolicies),
 * which @aws-sdk/client-cognito-identity-provider 3.1169.0 does not have yet.
 * Each command is built exactly as the SDK builds its own (its generated
 * `command(...)`: Smithy's Command class builder, the endpoint plugin, the
 * client's middleware stack, signer, HTTP handler and AWS JSON 1.1 protocol),
 * from an operation schema written here in the SDK's static schema form, so
 * nothing of SigV4 or the wire format is written by hand, and it is sent with
 * `invocation.cognito.send(...)` behind awsCall's one retry layer.
 *
 * When a release of @aws-sdk/client-cognito-identity-provider has
 * CreateCIMDPolicyCommand and the others, export those from sdk.ts instead
 * and delete this file: the inputs and outputs are the model's, the same.
 */
/* eslint-disable import/no-extraneous-dependencies */
import type { CognitoIdentityProviderClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-cognito-identity-provider';
import { Command } from '@smithy/core/client';
import { getEndpointPlugin } from '@smithy/core/endpoints';
import type { StaticListSchema, StaticOperationSchema, StaticStructureSchema } from '@smithy/types';

/** The model's namespace, as the SDK's schemas name it. */
const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';
/** Static schema ids and member kinds of the SDK's schemas (@smithy/core/schema). */
const LIST = 1;
const STRUCTURE = 3;
const OPERATION = 9;
const STRING = 0;
const INTEGER = 1;
const TIMESTAMP = 4;
/** A list of strings: the list flag (64) on the string kind (0), as the SDK writes `64 | 0`. */
const STRING_LIST = 64;

/** CIMDPolicyType of the model: the policy as Cognito answers it. */
export interface CimdPolicy {
  readonly UserPoolId: string;
  readonly CIMDPolicyId: string;
  readonly PolicyName: string;
  readonly ClientId?: string;
  readonly CacheDuration?: number;
  readonly URLPatterns?: string[];
  readonly CreationDate?: Date;
  readonly LastModifiedDate?: Date;
}

export interface CreateCimdPolicyInput {
  readonly UserPoolId: string;
  readonly ClientId: string;
  readonly PolicyName: string;
  readonly CacheDuration?: number;
  readonly URLPatterns: string[];
}

export interface UpdateCimdPolicyInput extends CreateCimdPolicyInput {
  readonly CIMDPolicyId: string;
}

export interface CimdPolicyAddress {
  readonly UserPoolId: string;
  readonly CIMDPolicyId: string;
}

export interface CimdPolicyOutput {
  readonly CIMDPolicy: CimdPolicy;
}

/** CIMDPolicySummaryType of the model: a policy as ListCIMDPolicies answers it (no URL patterns). */
export interface CimdPolicySummary {
  readonly CIMDPolicyId: string;
  readonly PolicyName: string;
  /** Left out once the client no longer exists. */
  readonly ClientId?: string;
  readonly CacheDuration?: number;
  readonly CreationDate?: Date;
  readonly LastModifiedDate?: Date;
}

export interface ListCimdPoliciesInput {
  readonly UserPoolId: string;
  /** PoolQueryLimitType: 1 to 60. */
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

export interface ListCimdPoliciesOutput {
  readonly CIMDPolicies: CimdPolicySummary[];
  readonly NextToken?: string;
}

const policy: StaticStructureSchema = [STRUCTURE, NAMESPACE, 'CIMDPolicyType', 0,
  ['UserPoolId', 'CIMDPolicyId', 'PolicyName', 'ClientId', 'CacheDuration', 'URLPatterns', 'CreationDate', 'LastModifiedDate'],
  [STRING, STRING, STRING, STRING, INTEGER, STRING_LIST, TIMESTAMP, TIMESTAMP], 3];
const policyOutput = (name: string): StaticStructureSchema => [STRUCTURE, NAMESPACE, name, 0, ['CIMDPolicy'], [() => policy], 1];
const address = (name: string): StaticStructureSchema => [STRUCTURE, NAMESPACE, name, 0, ['UserPoolId', 'CIMDPolicyId'], [STRING, STRING], 2];
const empty = (name: string): StaticStructureSchema => [STRUCTURE, NAMESPACE, name, 0, [], []];
const createRequest: StaticStructureSchema = [STRUCTURE, NAMESPACE, 'CreateCIMDPolicyRequest', 0,
  ['UserPoolId', 'ClientId', 'PolicyName', 'URLPatterns', 'CacheDuration'], [STRING, STRING, STRING, STRING_LIST, INTEGER], 4];
const updateRequest: StaticStructureSchema = [STRUCTURE, NAMESPACE, 'UpdateCIMDPolicyRequest', 0,
  ['UserPoolId', 'CIMDPolicyId', 'ClientId', 'URLPatterns', 'PolicyName', 'CacheDuration'], [STRING, STRING, STRING, STRING_LIST, STRING, INTEGER], 4];

const summary: StaticStructureSchema = [STRUCTURE, NAMESPACE, 'CIMDPolicySummaryType', 0,
  ['CIMDPolicyId', 'ClientId', 'PolicyName', 'CacheDuration', 'CreationDate', 'LastModifiedDate'],
  [STRING, STRING, STRING, INTEGER, TIMESTAMP, TIMESTAMP], 2];
const summaries: StaticListSchema = [LIST, NAMESPACE, 'CIMDPolicySummaryListType', 0, () => summary];
const listRequest: StaticStructureSchema = [STRUCTURE, NAMESPACE, 'ListCIMDPoliciesRequest', 0,
  ['UserPoolId', 'NextToken', 'MaxResults'], [STRING, STRING, INTEGER], 1];
const listResponse: StaticStructureSchema = [STRUCTURE, NAMESPACE, 'ListCIMDPoliciesResponse', 0,
  ['NextToken', 'CIMDPolicies'], [STRING, () => summaries], 2];

function operation(name: string, input: StaticStructureSchema, output: StaticStructureSchema): StaticOperationSchema {
  return [OPERATION, NAMESPACE, name, 0, () => input, () => output];
}

/** The endpoint parameters every Cognito command takes (the SDK's commonParams). */
const ENDPOINT_PARAMETERS = {
  UseFIPS: { type: 'builtInParams', name: 'useFipsEndpoint' },
  Endpoint: { type: 'builtInParams', name: 'endpoint' },
  Region: { type: 'builtInParams', name: 'region' },
  UseDualStack: { type: 'builtInParams', name: 'useDualstackEndpoint' },
} as const;

/** A command class as the SDK's generated `command(_ep0, _mw0, op, $)` makes it. */
function commandOf<I extends object, O extends object>(name: string, schema: StaticOperationSchema) {
  type Config = CognitoIdentityProviderClientResolvedConfig;
  return Command.classBuilder<I & ServiceInputTypes, O & ServiceOutputTypes, Config, ServiceInputTypes, ServiceOutputTypes>()
    .ep(ENDPOINT_PARAMETERS)
    .m(function (this: unknown, CommandCtor: any, _stack: unknown, config: any) {
      return [getEndpointPlugin(config, CommandCtor.getEndpointParameterInstructions())];
    })
    .s('AWSCognitoIdentityProviderService', name, {})
    .n('CognitoIdentityProviderClient', `${name}Command`)
    .sc(schema)
    .build();
}

export class CreateCIMDPolicyCommand extends commandOf<CreateCimdPolicyInput, CimdPolicyOutput>(
  'CreateCIMDPolicy', operation('CreateCIMDPolicy', createRequest, policyOutput('CreateCIMDPolicyResponse'))) {}

export class DescribeCIMDPolicyCommand extends commandOf<CimdPolicyAddress, CimdPolicyOutput>(
  'DescribeCIMDPolicy', operation('DescribeCIMDPolicy', address('DescribeCIMDPolicyRequest'), policyOutput('DescribeCIMDPolicyResponse'))) {}

export class UpdateCIMDPolicyCommand extends commandOf<UpdateCimdPolicyInput, CimdPolicyOutput>(
  'UpdateCIMDPolicy', operation('UpdateCIMDPolicy', updateRequest, policyOutput('UpdateCIMDPolicyResponse'))) {}

export class DeleteCIMDPolicyCommand extends commandOf<CimdPolicyAddress, object>(
  'DeleteCIMDPolicy', operation('DeleteCIMDPolicy', address('DeleteCIMDPolicyRequest'), empty('DeleteCIMDPolicyResponse'))) {}

export class ListCIMDPoliciesCommand extends commandOf<ListCimdPoliciesInput, ListCimdPoliciesOutput>(
  'ListCIMDPolicies', operation('ListCIMDPolicies', listRequest, listResponse)) {}
