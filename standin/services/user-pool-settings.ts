import { serviceModel } from './botocore-models';
import { CognitoState, UserPool } from './cognito-state';
import { invalidParameter, ServiceError } from './service-error';

/**
 * DescribeUserPool / UpdateUserPool: a pool's settings, kept in
 * DescribeUserPool's vocabulary (UserPoolType of botocore's model).
 *
 * UpdateUserPool replaces: "If you don't provide a value for an attribute,
 * Amazon Cognito sets it to its default value" (API_UpdateUserPool), so every
 * settable member the request leaves out is dropped here, DcrConfiguration
 * included. CloudFormation's update of a pool is played the same way (the
 * worse reading: its UpdateUserPool carries the template's properties and
 * nothing else), which is what the registration's re-apply is for.
 */

/** UpdateUserPoolRequest members named differently in UserPoolType (the only two in the model). */
const RENAMED: Readonly<Record<string, string>> = { UserPoolId: 'Id', PoolName: 'Name' };

/** The members UpdateUserPool sets, in UserPoolType's names (UserPoolId, the pool's address, left out). */
export function settableMembers(): string[] {
  const shapes = serviceModel('cognito-idp').shapes;
  const described = Object.keys(shapes.UserPoolType.members ?? {});
  return Object.keys(shapes.UpdateUserPoolRequest.members ?? {})
    .filter((name) => name !== 'UserPoolId')
    .map((name) => RENAMED[name] ?? name)
    .filter((name) => described.includes(name));
}

/**
 * A pool's settings from its AWS::Cognito::UserPool properties: those whose
 * CloudFormation name is the API's (all but UserPoolName, which is Name).
 * Properties that only CreateUserPool takes (Schema, UsernameAttributes...)
 * are not settable and not kept.
 */
export function settingsOfCloudFormation(props: { readonly [name: string]: unknown }): Record<string, unknown> {
  const settable = settableMembers();
  const settings: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    const member = name === 'UserPoolName' ? 'Name' : name;
    if (settable.includes(member) && value !== undefined) {
      settings[member] = structuredClone(value);
    }
  }
  return settings;
}

export class UserPoolSettings {
  constructor(private readonly cognito: CognitoState) {}

  describe(input: { readonly UserPoolId: string }): object {
    const pool = this.cognito.pool(input.UserPoolId);
    return {
      UserPool: {
        Id: pool.id,
        Name: pool.name,
        Arn: `arn:aws:cognito-idp:${pool.region}:${pool.account}:userpool/${pool.id}`,
        ...withLegacyValidity(structuredClone(pool.settings)),
      },
    };
  }

  update(input: { readonly UserPoolId: string; readonly [name: string]: unknown }): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const next: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(input)) {
      const member = RENAMED[name] ?? name;
      if (member !== 'Id' && value !== undefined) {
        next[member] = structuredClone(value);
      }
    }
    checkSettings(pool, next);
    replaceSettings(pool, next);
    return {};
  }
}

/**
 * DescribeUserPool answers the legacy AdminCreateUserConfig.UnusedAccountValidityDays
 * beside PasswordPolicy.TemporaryPasswordValidityDays (*unconfirmed* against
 * the live service: the model still lists both in UserPoolType). Played so,
 * a handler that writes back what it read unchanged is refused, as the
 * model's text says Cognito would.
 */
function withLegacyValidity(settings: Record<string, unknown>): Record<string, unknown> {
  const policies = settings.Policies as { PasswordPolicy?: { TemporaryPasswordValidityDays?: number } } | undefined;
  const days = policies?.PasswordPolicy?.TemporaryPasswordValidityDays;
  if (days === undefined) {
    return settings;
  }
  const admin = (settings.AdminCreateUserConfig ?? {}) as Record<string, unknown>;
  return { ...settings, AdminCreateUserConfig: { ...admin, UnusedAccountValidityDays: days } };
}

/** Replaces what UpdateUserPool sets; Name stays unless the request gives one (the pool keeps its name). */
export function replaceSettings(pool: UserPool, next: Record<string, unknown>): void {
  const name = typeof next.Name === 'string' ? next.Name : pool.name;
  for (const key of Object.keys(pool.settings)) {
    delete pool.settings[key];
  }
  Object.assign(pool.settings, next, { Name: name });
}

/**
 * What Cognito refuses of a pool's settings, as its documents say:
 * - the legacy AdminCreateUserConfig.UnusedAccountValidityDays next to
 *   PasswordPolicy.TemporaryPasswordValidityDays ("When you set
 *   TemporaryPasswordValidityDays for a user pool, you can no longer set a
 *   value for the legacy UnusedAccountValidityDays parameter",
 *   PasswordPolicyType in the model);
 * - DcrConfiguration turned on below the Essentials plan ("your user pool
 *   must be in the Essentials tier or higher", DcrConfigurationType).
 */
export function checkSettings(pool: UserPool, next: Record<string, unknown>): void {
  const admin = next.AdminCreateUserConfig as { UnusedAccountValidityDays?: number } | undefined;
  const policies = next.Policies as { PasswordPolicy?: { TemporaryPasswordValidityDays?: number } } | undefined;
  const hadTemporary = (pool.settings.Policies as typeof policies)?.PasswordPolicy?.TemporaryPasswordValidityDays !== undefined;
  if (admin?.UnusedAccountValidityDays !== undefined && (policies?.PasswordPolicy?.TemporaryPasswordValidityDays !== undefined || hadTemporary)) {
    // The wording is the stand-in's: the service's message is not published.
    throw invalidParameter('UnusedAccountValidityDays cannot be set on a user pool that has TemporaryPasswordValidityDays.');
  }
  const dcr = next.DcrConfiguration as { EnableStatus?: string } | undefined;
  if (dcr !== undefined && dcr.EnableStatus !== 'Disabled' && (next.UserPoolTier ?? 'ESSENTIALS') === 'LITE') {
    throw new ServiceError('FeatureUnavailableInTierException', 'Dynamic client registration requires the Essentials or Plus feature plan.');
  }
}
