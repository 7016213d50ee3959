// The registration handler's write-back of a pool: which members UpdateUserPool gets from DescribeUserPool.
import { configurationOf } from '../../lambda/registration/handler';
import { updateMembers, updateRequestOf } from '../../lambda/registration/pool-settings';
import { CLIENT_REGISTRATION } from '../../src/registration/private/registration-contract';
import { serviceModel } from '../../standin/services/botocore-models';

const model = serviceModel('cognito-idp').shapes;

test('every member of botocore\'s UpdateUserPoolRequest is written back from its UserPoolType member (only the pool id and name are renamed)', () => {
  // GIVEN botocore's model (.venv)
  const request = Object.keys(model.UpdateUserPoolRequest.members!);
  const described = model.UserPoolType.members!;

  // WHEN the SDK's schemas are read
  const members = updateMembers();

  // THEN the same members, each from the member of the same shape
  expect(members.map((m) => m.request).sort()).toEqual([...request].sort());
  for (const { request: name, described: from } of members) {
    expect({ name, shape: described[from]?.shape }).toEqual({ name, shape: model.UpdateUserPoolRequest.members![name].shape });
  }
  expect(members.filter((m) => m.request !== m.described)).toEqual([
    { request: 'UserPoolId', described: 'Id' }, { request: 'PoolName', described: 'Name' },
  ]);
});

test('what only Describe tells (ids, dates, the schema, sign-in attributes, counts) is not sent; DcrConfiguration is replaced', () => {
  // GIVEN
  const pool = {
    Id: 'eu-west-1_AbC123',
    Name: 'agents',
    Arn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123',
    CreationDate: new Date(0),
    LastModifiedDate: new Date(0),
    EstimatedNumberOfUsers: 3,
    UsernameAttributes: ['email' as const],
    SchemaAttributes: [{ Name: 'email' }],
    Domain: 'acme',
    MfaConfiguration: 'OPTIONAL' as const,
    DeletionProtection: 'ACTIVE' as const,
    UserPoolTags: { team: 'id' },
    DcrConfiguration: { EnableStatus: 'Disabled' as const },
  };

  // WHEN
  const request = updateRequestOf(pool, { EnableStatus: 'Enabled' });

  // THEN
  expect(request).toEqual({
    UserPoolId: 'eu-west-1_AbC123',
    PoolName: 'agents',
    MfaConfiguration: 'OPTIONAL',
    DeletionProtection: 'ACTIVE',
    UserPoolTags: { team: 'id' },
    DcrConfiguration: { EnableStatus: 'Enabled' },
  });
});

test('the legacy UnusedAccountValidityDays goes when the pool has TemporaryPasswordValidityDays, and stays otherwise', () => {
  // GIVEN
  const legacyOnly = { Id: 'eu-west-1_AbC123', AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 7 } };
  const both = { ...legacyOnly, Policies: { PasswordPolicy: { MinimumLength: 12, TemporaryPasswordValidityDays: 3 } } };

  // WHEN / THEN
  expect(updateRequestOf(legacyOnly, {}).AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 7 });
  expect(updateRequestOf(both, {}).AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
});

test('the declared registration becomes the model\'s DcrConfiguration, both grant lists written out', () => {
  // GIVEN
  const props = { UserPoolId: 'eu-west-1_AbC123', GrantTypes: ['code'], AllowedScopes: ['api/read'] };

  // WHEN / THEN
  expect(configurationOf(CLIENT_REGISTRATION.parse({ ...props, OpenRegistration: 'false' }))).toEqual({
    EnableStatus: 'Enabled', OpenDcrEnabled: false, AuthenticatedGrantTypes: ['code'], AllowedScopes: ['api/read'],
  });
  expect(configurationOf(CLIENT_REGISTRATION.parse({ ...props, OpenRegistration: 'true' }))).toEqual({
    EnableStatus: 'Enabled', OpenDcrEnabled: true, AuthenticatedGrantTypes: ['code'], OpenDcrGrantTypes: ['code'], AllowedScopes: ['api/read'],
  });
});

test.each([
  [{ GrantTypes: [] }, /GrantTypes must name at least one/],
  [{ GrantTypes: ['implicit'] }, /GrantTypes must hold only code, client_credentials/],
  [{ AllowedScopes: ['has space'] }, /AllowedScopes must hold at most 50 OAuth scopes/],
  [{ ClientId: 'x' }, /unknown property ClientId/],
  [{ OpenRegistration: 'yes' }, /OpenRegistration must be 'true' or 'false'/],
])('the contract refuses what the constructs never write: %j', (change, message) => {
  expect(() => CLIENT_REGISTRATION.parse({ UserPoolId: 'eu-west-1_AbC123', GrantTypes: ['code'], AllowedScopes: [], ...change })).toThrow(message);
});
