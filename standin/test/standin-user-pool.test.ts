import { DescribeUserPoolCommand, UpdateUserPoolCommand, UpdateUserPoolCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import { rejectionOf, standInFixture } from './standin-fixture';

/** DescribeUserPool / UpdateUserPool: a pool's settings, replaced whole by each update (user-pool-settings.ts). */
const f = standInFixture();

const SETTINGS: Omit<UpdateUserPoolCommandInput, 'UserPoolId'> = {
  Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: true, TemporaryPasswordValidityDays: 3 } },
  DeletionProtection: 'ACTIVE',
  MfaConfiguration: 'OPTIONAL',
  UserPoolTags: { team: 'identity' },
  UserPoolTier: 'ESSENTIALS',
};

function describe() {
  return f.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: f.poolId }));
}

function poolWith(settings: object): string {
  return f.standIn.createUserPool({ name: 'Agents', settings: { ...settings } }).id;
}

test('DescribeUserPool answers the settings, the legacy UnusedAccountValidityDays beside TemporaryPasswordValidityDays', async () => {
  // GIVEN
  const poolId = poolWith(SETTINGS);

  // WHEN
  const { UserPool } = await f.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));

  // THEN
  expect(UserPool).toMatchObject({ Id: poolId, Name: 'Agents', ...SETTINGS, AdminCreateUserConfig: { UnusedAccountValidityDays: 3 } });
});

test('UpdateUserPool sets every member it leaves out back to its default', async () => {
  // GIVEN
  const poolId = poolWith(SETTINGS);

  // WHEN only the registration is sent
  await f.clients.cognito.send(new UpdateUserPoolCommand({ UserPoolId: poolId, DcrConfiguration: { EnableStatus: 'Enabled' } }));

  // THEN everything else is gone; the name stays
  const { UserPool } = await f.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  expect(UserPool).toEqual({ Id: poolId, Name: 'Agents', Arn: expect.any(String), DcrConfiguration: { EnableStatus: 'Enabled' } });
});

test('CloudFormation\'s update of the pool drops a DcrConfiguration its template does not carry', async () => {
  // GIVEN
  const poolId = poolWith(SETTINGS);
  await f.clients.cognito.send(new UpdateUserPoolCommand({ UserPoolId: poolId, ...SETTINGS, DcrConfiguration: { EnableStatus: 'Enabled' } }));

  // WHEN
  f.standIn.updateUserPool(poolId, {}, { ...SETTINGS, MfaConfiguration: 'ON' } as Record<string, unknown>);

  // THEN
  const { UserPool } = await f.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  expect(UserPool?.DcrConfiguration).toBeUndefined();
  expect(UserPool?.MfaConfiguration).toBe('ON');
});

test('the legacy UnusedAccountValidityDays is refused on a pool with TemporaryPasswordValidityDays', async () => {
  // GIVEN
  const poolId = poolWith(SETTINGS);

  // WHEN Describe's answer is written back unchanged
  const { UserPool } = await f.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  const rejection = await rejectionOf(f.clients.cognito.send(new UpdateUserPoolCommand({
    UserPoolId: poolId, Policies: UserPool!.Policies, AdminCreateUserConfig: UserPool!.AdminCreateUserConfig,
  })));

  // THEN
  expect(rejection.name).toBe('InvalidParameterException');
});

test('registration is refused on the Lite plan, and a grant type outside the model by the model check', async () => {
  // GIVEN
  const lite = poolWith({ UserPoolTier: 'LITE' });

  // WHEN
  const onLite = await rejectionOf(f.clients.cognito.send(new UpdateUserPoolCommand({
    UserPoolId: lite, UserPoolTier: 'LITE', DcrConfiguration: { EnableStatus: 'Enabled' },
  })));
  const badGrant = await rejectionOf(f.clients.cognito.send(new UpdateUserPoolCommand({
    UserPoolId: f.poolId, DcrConfiguration: { AuthenticatedGrantTypes: ['password' as 'code'] },
  })));

  // THEN
  expect(onLite.name).toBe('FeatureUnavailableInTierException');
  expect(badGrant.name).toBe('InvalidParameterException');
  await expect(describe()).resolves.toBeDefined();
});
