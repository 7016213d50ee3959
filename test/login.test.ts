import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, CognitoLoginProps, LoginDomain, LoginPages } from '../src';
import { testStack } from './util/stack';

const DOMAIN = LoginDomain.cognitoPrefix('acme-test');

function newLogin(stack: Stack, props: Partial<CognitoLoginProps> = {}): CognitoLogin {
  return new CognitoLogin(stack, 'Login', { domain: DOMAIN, ...props });
}

describe('new user pool', () => {
  test('is retained, deletion-protected, and has the safe defaults', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    const login = newLogin(stack);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtection: 'ACTIVE',
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: 3,
          },
        },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AutoVerifiedAttributes: ['email'],
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UserPoolTier: 'ESSENTIALS',
      }),
    });
    // Threat protection needs the Plus plan; it is left for the user to choose.
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolAddOns: Match.absent() });
    expect(Object.keys(template.findResources('AWS::Cognito::UserPool'))).toEqual([expect.stringMatching(/^LoginUserPool/)]);
    expect(login.pages.managedLoginVersion).toBe(2);
  });

  test('userPoolProps win over the defaults; passwordPolicy is merged member by member', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, {
      userPoolProps: {
        selfSignUpEnabled: true,
        passwordPolicy: { minLength: 16 },
        mfa: cognito.Mfa.REQUIRED,
        userPoolName: 'acme-users',
        // An explicit undefined counts as not given, as when a jsii language omits it.
        accountRecovery: undefined,
      },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'acme-users',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      MfaConfiguration: 'ON',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 16,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      DeletionProtection: 'ACTIVE',
    });
  });

  test('turning MFA off leaves no second factor enabled', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { userPoolProps: { mfa: cognito.Mfa.OFF } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OFF',
      EnabledMfas: Match.absent(),
    });
  });

  test('RemovalPolicy.DESTROY turns deletion protection off unless it is set explicitly', () => {
    // GIVEN
    const destroyed = testStack();
    const protectedAnyway = testStack();

    // WHEN
    newLogin(destroyed, { userPoolProps: { removalPolicy: RemovalPolicy.DESTROY } });
    newLogin(protectedAnyway, { userPoolProps: { removalPolicy: RemovalPolicy.DESTROY, deletionProtection: true } });

    // THEN
    Template.fromStack(destroyed).hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }),
    });
    Template.fromStack(protectedAnyway).hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });
});

describe('bring your own pool', () => {
  test('uses the pool given and creates none', () => {
    // GIVEN
    const stack = testStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEfGhI');

    // WHEN
    const login = newLogin(stack, { userPool });
    login.addClient('Web', { callbackUrls: ['https://app.example.com/'] });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { UserPoolId: 'eu-west-1_AbCdEfGhI' });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { UserPoolId: 'eu-west-1_AbCdEfGhI' });
    expect(login.userPool).toBe(userPool);
  });

  test('refuses userPoolProps alongside userPool', () => {
    // GIVEN
    const stack = testStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEfGhI');

    // WHEN / THEN
    expect(() => newLogin(stack, { userPool, userPoolProps: { selfSignUpEnabled: true, mfa: cognito.Mfa.OFF } }))
      .toThrow('Stack/Login: userPoolProps "selfSignUpEnabled, mfa" is invalid: absent when userPool is given');
  });
});

describe('pages', () => {
  test('are managed login by default and classic on request', () => {
    // GIVEN
    const classic = LoginPages.classic();
    const managed = LoginPages.managedLogin({});

    // THEN
    expect(classic.managedLoginVersion).toBe(1);
    expect(classic.classicOptions).toEqual({});
    expect(classic.managedLoginOptions).toBeUndefined();
    expect(managed.managedLoginVersion).toBe(2);
    expect(managed.managedLoginOptions).toEqual({});
    expect(managed.classicOptions).toBeUndefined();
  });
});

describe('resource servers', () => {
  test('are created with their scopes under an id named after the identifier', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    const login = newLogin(stack, {
      resourceServers: [
        { identifier: 'orders', name: 'Orders API', scopes: [{ name: 'read', description: 'Read orders' }] },
        { identifier: 'billing', scopes: [{ name: 'admin', description: 'Manage billing' }] },
      ],
    });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'orders', Name: 'Orders API', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read orders' }],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', { Identifier: 'billing', Name: 'billing' });
    expect(Object.keys(template.findResources('AWS::Cognito::UserPoolResourceServer')).sort()).toEqual([
      expect.stringMatching(/^LoginResourceServerbilling/),
      expect.stringMatching(/^LoginResourceServerorders/),
    ]);
    expect(login.resourceServers).toHaveLength(2);
  });

  test.each([
    [[{ identifier: 'api', scopes: [] }, { identifier: 'api', scopes: [] }], 'resourceServers[].identifier "api" is invalid: each entry must be unique'],
    [[{ identifier: 'my api', scopes: [] }], 'resourceServers[0].identifier "my api" is invalid: 1 to 256 characters'],
    [[{ identifier: 'api', scopes: [{ name: 'orders/read', description: 'x' }] }], 'resourceServers[0].scopes[0].name "orders/read" is invalid'],
    [[{ identifier: 'api', scopes: [{ name: 'read', description: '' }] }], 'resourceServers[0].scopes[0].description "" is invalid'],
    [[{ identifier: 'api', scopes: [{ name: 'read', description: 'a' }, { name: 'read', description: 'b' }] }],
      'resourceServers[0].scopes[].name "read" is invalid: each entry must be unique'],
    [[{ identifier: 'api', name: 'API "v2"', scopes: [] }], 'resourceServers[0].name "API "v2"" is invalid'],
  ])('refuses %j', (resourceServers, message) => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, { resourceServers })).toThrow(`Stack/Login: ${message}`);
  });
});

describe('adopting an existing pool', () => {
  test('the pool keeps its logical id and properties: CognitoLogin adds around it and replaces nothing', () => {
    // GIVEN an app with a pool and a client, as it was before CognitoLogin
    const before = testStack();
    const definePool = (stack: Stack) => {
      const pool = new cognito.UserPool(stack, 'UserPool', { signInAliases: { username: true, email: true }, selfSignUpEnabled: true });
      pool.addClient('Web');
      return pool;
    };
    definePool(before);
    const poolsBefore = Template.fromStack(before).findResources('AWS::Cognito::UserPool');

    // WHEN the same pool is passed to a CognitoLogin
    const after = testStack();
    new CognitoLogin(after, 'Login', { userPool: definePool(after), domain: LoginDomain.cognitoPrefix('acme-test') });

    // THEN the pool resource is the same, under the same logical id, and the old client is kept (and styled)
    const template = Template.fromStack(after);
    expect(template.findResources('AWS::Cognito::UserPool')).toEqual(poolsBefore);
    expect(Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))).toEqual(
      Object.keys(Template.fromStack(before).findResources('AWS::Cognito::UserPoolClient')),
    );
    template.resourceCountIs('Custom::CognitoManagedLoginBranding', 1);
  });
});
