import type { DcrConfigurationType, UpdateUserPoolRequest, UserPoolType } from '../shared/sdk';
import { UpdateUserPoolRequest$, UserPoolType$ } from '../shared/sdk';

/**
 * A pool's settings as DescribeUserPool gives them, turned into the
 * UpdateUserPool request that writes them back unchanged but for
 * DcrConfiguration.
 *
 * UpdateUserPool sets every member a request omits to Cognito's default
 * ("If you don't provide a value for an attribute, Amazon Cognito sets it to
 * its default value", API_UpdateUserPool), so a request that carried only
 * DcrConfiguration would reset the password policy, the triggers, MFA, the
 * tags, deletion protection and the rest of what CloudFormation set. The
 * members are read from the SDK's own schemas of UpdateUserPoolRequest and
 * UserPoolType (generated from the same service model as botocore's
 * cognito-idp model, which test/lambda/registration.test.ts checks them
 * against), not from a hand-written list: a member a later SDK adds to both
 * shapes is carried over by itself.
 */

/** Members of UpdateUserPoolRequest named differently in UserPoolType (the only two in the model). */
const RENAMED: Readonly<Record<string, string>> = { UserPoolId: 'Id', PoolName: 'Name' };

/** Member names of a structure schema of the SDK: [id, namespace, name, traits, member names, member schemas, required]. */
export function schemaMembers(schema: readonly unknown[]): readonly string[] {
  return schema[4] as readonly string[];
}

/** The members an UpdateUserPool request takes, and where in UserPoolType each comes from. */
export function updateMembers(): ReadonlyArray<{ readonly request: string; readonly described: string }> {
  const described = new Set(schemaMembers(UserPoolType$));
  return schemaMembers(UpdateUserPoolRequest$)
    .map((request) => ({ request, described: RENAMED[request] ?? request }))
    .filter((member) => described.has(member.described));
}

/** The request writing `pool` back as described, with `dcr` as its DcrConfiguration. */
export function updateRequestOf(pool: UserPoolType, dcr: DcrConfigurationType): UpdateUserPoolRequest {
  const source = pool as Record<string, unknown>;
  const request: Record<string, unknown> = {};
  for (const member of updateMembers()) {
    if (source[member.described] !== undefined) {
      request[member.request] = source[member.described];
    }
  }
  request.DcrConfiguration = dcr;
  return withoutLegacyValidity(request as unknown as UpdateUserPoolRequest);
}

/**
 * DescribeUserPool still answers AdminCreateUserConfig.UnusedAccountValidityDays,
 * the legacy form of PasswordPolicy.TemporaryPasswordValidityDays; once a
 * pool has the latter "you can no longer set a value for the legacy
 * UnusedAccountValidityDays parameter" (PasswordPolicyType in the model), so
 * writing back what Describe said would be refused. The legacy member goes
 * when the new one is there, and the setting stays the same.
 */
function withoutLegacyValidity(request: UpdateUserPoolRequest): UpdateUserPoolRequest {
  const config = request.AdminCreateUserConfig;
  if (config?.UnusedAccountValidityDays === undefined || request.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays === undefined) {
    return request;
  }
  const { UnusedAccountValidityDays: _legacy, ...rest } = config;
  return { ...request, AdminCreateUserConfig: rest };
}
