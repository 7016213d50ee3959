import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, CognitoLoginProps, LoginDomain, LoginPages, PasskeyVerification, SignInFactor } from '../src';
import { testStack } from './util/stack';

const CALLBACK = 'https://app.example.com/callback';

function newLogin(stack: Stack, props: Partial<CognitoLoginProps> = {}): CognitoLogin {
  return new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test'), ...props });
}

function customDomain(stack: Stack, domainName: string): LoginDomain {
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
  return LoginDomain.custom({ domainName, certificate });
}

describe('signIn mapped onto the pool', () => {
  test('defaults: password and passkey, the prefix domain as relying party, verification preferred', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { signIn: {} });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({ MinimumLength: 12 }),
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] },
      },
      WebAuthnRelyingPartyID: 'acme-test.auth.eu-west-1.amazoncognito.com',
      WebAuthnUserVerification: 'preferred',
      WebAuthnFactorConfiguration: Match.absent(),
    });
  });

  test('every factor, a custom domain as relying party, verification required', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, {
      domain: customDomain(stack, 'auth.example.com'),
      userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'eu-west-1' }) },
      signIn: {
        allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.PASSKEY, SignInFactor.EMAIL_OTP, SignInFactor.SMS_OTP],
        passkeyUserVerification: PasskeyVerification.REQUIRED,
      },
    });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP'] } }),
      WebAuthnRelyingPartyID: 'auth.example.com',
      WebAuthnUserVerification: 'required',
      // SMS_OTP needs a role Cognito sends texts with
      SmsConfiguration: Match.objectLike({ SnsCallerArn: Match.anyValue() }),
    });
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('EMAIL_OTP sends a code'))).toHaveLength(0);
  });

  test('a parent of a custom domain is accepted as relying party, with a warning', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { domain: customDomain(stack, 'auth.example.com'), signIn: { passkeyRelyingPartyId: 'example.com' } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', { WebAuthnRelyingPartyID: 'example.com' });
    Annotations.fromStack(stack).hasWarning('/Stack/Login',
      Match.stringLikeRegexp('passkeyRelyingPartyId example.com is a parent of the login\'s domain auth.example.com'));
  });

  test('the app\'s own site as relying party, with a prefix domain: accepted, with a warning that managed login cannot use those passkeys', () => {
    // GIVEN an app that runs passkeys through the SDK on its own site
    const stack = testStack();

    // WHEN
    newLogin(stack, { signIn: { passkeyRelyingPartyId: 'app.example.com' } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', { WebAuthnRelyingPartyID: 'app.example.com' });
    Annotations.fromStack(stack).hasWarning('/Stack/Login', Match.stringLikeRegexp(
      'signIn.passkeyRelyingPartyId app.example.com is not the login\'s domain acme-test.auth.eu-west-1.amazoncognito.com: '
      + 'passkeys are bound to app.example.com, so users register and use them through the SDK on app.example.com \\(or its subdomains\\) only. '
      + 'The managed login pages cannot register or use them'));
  });

  test('the app\'s own site as relying party, with a custom domain it is no parent of: accepted, with the same warning', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { domain: customDomain(stack, 'auth.example.com'), signIn: { passkeyRelyingPartyId: 'example.org' } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', { WebAuthnRelyingPartyID: 'example.org' });
    Annotations.fromStack(stack).hasWarning('/Stack/Login',
      Match.stringLikeRegexp('passkeyRelyingPartyId example.org is not the login\'s domain auth.example.com: passkeys are bound to example.org'));
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('is a parent of'))).toHaveLength(0);
  });

  test('the login\'s own domain as relying party gives no warning', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { signIn: { passkeyRelyingPartyId: 'acme-test.auth.eu-west-1.amazoncognito.com' } });

    // THEN
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('passkeyRelyingPartyId'))).toHaveLength(0);
  });

  test('with MFA required, a passkey with user verification counts as MFA', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, {
      userPoolProps: { mfa: cognito.Mfa.REQUIRED },
      signIn: { passkeyUserVerification: PasskeyVerification.REQUIRED },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      WebAuthnUserVerification: 'required',
      WebAuthnFactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION',
    });
  });

  test('without passkeys no WebAuthn settings are written; email codes without SES give a warning', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { signIn: { allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.EMAIL_OTP] } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } }),
      WebAuthnRelyingPartyID: Match.absent(),
      WebAuthnUserVerification: Match.absent(),
    });
    Annotations.fromStack(stack).hasWarning('/Stack/Login', Match.stringLikeRegexp('EMAIL_OTP sends a code by email on every sign-in'));
  });

  test('one-time codes beside optional MFA, the default: accepted, with a warning that users with MFA sign in without codes', () => {
    // GIVEN the library's default pool: optional MFA with an authenticator app
    const stack = testStack();

    // WHEN
    newLogin(stack, {
      userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'eu-west-1' }) },
      signIn: { allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.EMAIL_OTP, SignInFactor.SMS_OTP] },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] } }),
    });
    Annotations.fromStack(stack).hasWarning('/Stack/Login', Match.stringLikeRegexp(
      'signIn.allowedFirstFactors offers EMAIL_OTP, SMS_OTP while userPoolProps.mfa is OPTIONAL .*Set userPoolProps.mfa to Mfa.OFF'));
  });

  test('one-time codes with MFA off: accepted, no MFA warning', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, {
      userPoolProps: { mfa: cognito.Mfa.OFF, mfaSecondFactor: undefined },
      signIn: { allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.PASSKEY, SignInFactor.EMAIL_OTP] },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OFF',
      Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN', 'EMAIL_OTP'] } }),
    });
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('userPoolProps.mfa'))).toHaveLength(0);
  });

  test('without signIn the pool has no sign-in policy and clients no explicit auth flows', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: { PasswordPolicy: Match.anyValue() },
      WebAuthnRelyingPartyID: Match.absent(),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { ExplicitAuthFlows: Match.absent() });
  });
});

describe('signIn mapped onto the clients', () => {
  test('a client without auth flows gets ALLOW_USER_AUTH and refresh', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { signIn: {} });

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  test('a client with auth flows of its own keeps them and gains ALLOW_USER_AUTH', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { signIn: {} });

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK], clientProps: { authFlows: { userSrp: true } } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'],
    });
  });

  test('a client found on the pool gets ALLOW_USER_AUTH too', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { signIn: {} });

    // WHEN clients are added the aws-cdk-lib way
    const mobile = login.userPool.addClient('Mobile');
    const kiosk = login.userPool.addClient('Kiosk', { authFlows: { userSrp: true } });

    // THEN
    const resources = Template.fromStack(stack).toJSON().Resources;
    const flows = (client: cognito.UserPoolClient) =>
      resources[stack.getLogicalId(client.node.defaultChild as cognito.CfnUserPoolClient)].Properties.ExplicitAuthFlows;
    expect(flows(mobile)).toEqual(['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(flows(kiosk)).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH']);
  });

  test('an app\'s own client given to addExistingClient gets ALLOW_USER_AUTH; an imported one a warning', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { signIn: {} });
    const portal = new cognito.UserPoolClient(stack, 'Portal', { userPool: login.userPool });
    const imported = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Legacy', '1example23456789abcdefghij');

    // WHEN
    login.addExistingClient('Portal', portal);
    login.addExistingClient('Legacy', imported);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    Annotations.fromStack(stack).hasWarning('/Stack/Legacy', Match.stringLikeRegexp('cannot give this imported client ALLOW_USER_AUTH'));
  });

  test('refuses a client that turns ALLOW_USER_AUTH off', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { signIn: {} });

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: [CALLBACK], clientProps: { authFlows: { user: false } } }))
      .toThrow('Stack/Login: Web.clientProps.authFlows.user "false" is invalid: true or absent: '
        + 'the login\'s signIn gives every client ALLOW_USER_AUTH, which choice-based sign-in needs');
  });
});

describe('signIn refused', () => {
  test('with a pool of your own', () => {
    // GIVEN
    const stack = testStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEfGhI');

    // WHEN / THEN
    expect(() => newLogin(stack, { userPool, signIn: { allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.PASSKEY] } }))
      .toThrow('Stack/Login: signIn "allowedFirstFactors" is invalid: absent when userPool is given: configure sign-in on your own pool '
        + '(aws-cdk-lib\'s signInPolicy, passkeyRelyingPartyId and passkeyUserVerification, or its CfnUserPool), '
        + 'and give clients ALLOW_USER_AUTH with clientProps.authFlows');
  });

  test('with classic pages, the Lite plan and a relying party of Amazon\'s, all in one error', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, {
      pages: LoginPages.classic(),
      userPoolProps: { featurePlan: cognito.FeaturePlan.LITE },
      signIn: { passkeyRelyingPartyId: 'auth.eu-west-1.amazoncognito.com' },
    })).toThrow([
      'Stack/Login: 3 invalid values',
      '  - signIn "PASSWORD, PASSKEY" is invalid: only with LoginPages.managedLogin(): '
        + 'the classic hosted UI offers password sign-in only and cannot show passkeys or one-time codes',
      '  - userPoolProps.featurePlan "LITE" is invalid: ESSENTIALS or PLUS with signIn: '
        + 'Cognito offers choice-based sign-in and passkeys from the Essentials plan up',
      '  - signIn.passkeyRelyingPartyId "auth.eu-west-1.amazoncognito.com" is invalid: the login\'s prefix domain '
        + 'acme-test.auth.eu-west-1.amazoncognito.com itself, or another domain of your own: other names under amazoncognito.com are Amazon\'s, '
        + 'and auth.<region>.amazoncognito.com, on the Public Suffix List, is refused by browsers as a relying party id, as are its parents',
    ].join('\n'));
  });

  test('an empty factor list', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, { signIn: { allowedFirstFactors: [] } }))
      .toThrow('Stack/Login: signIn.allowedFirstFactors "[]" is invalid: at least PASSWORD');
  });

  test('factors without PASSWORD, or twice the same', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, { signIn: { allowedFirstFactors: [SignInFactor.PASSKEY, SignInFactor.PASSKEY] } })).toThrow([
      'Stack/Login: 2 invalid values',
      '  - signIn.allowedFirstFactors[1] "WEB_AUTHN" is invalid: each factor once',
      '  - signIn.allowedFirstFactors "PASSKEY, PASSKEY" is invalid: a list that includes PASSWORD: '
        + 'Cognito keeps password sign-in allowed in every pool',
    ].join('\n'));
  });

  test('a relying party under amazoncognito.com with a custom domain', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, {
      domain: customDomain(stack, 'auth.example.com'),
      signIn: { passkeyRelyingPartyId: 'acme-test.auth.eu-west-1.amazoncognito.com' },
    })).toThrow('Stack/Login: signIn.passkeyRelyingPartyId "acme-test.auth.eu-west-1.amazoncognito.com" is invalid: '
      + 'the login\'s domain auth.example.com, a parent of it, or another domain of your own: other names under amazoncognito.com are Amazon\'s');
  });

  test('one-time codes on a pool that requires MFA, with every other violation', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, {
      userPoolProps: { mfa: cognito.Mfa.REQUIRED, enableSmsRole: false },
      signIn: {
        allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.PASSKEY, SignInFactor.EMAIL_OTP, SignInFactor.SMS_OTP],
        passkeyUserVerification: PasskeyVerification.REQUIRED,
      },
    })).toThrow([
      'Stack/Login: 2 invalid values',
      '  - signIn.allowedFirstFactors "PASSWORD, PASSKEY, EMAIL_OTP, SMS_OTP" is invalid: PASSWORD and PASSKEY only when userPoolProps.mfa is REQUIRED: '
        + 'Cognito refuses EMAIL_OTP, SMS_OTP as a first factor in a pool that requires MFA ("Only PASSWORD and WEB_AUTHN (if configured) '
        + 'can be enabled as an auth factor if MFA is enabled"); leave out EMAIL_OTP, SMS_OTP, '
        + 'or set userPoolProps.mfa to Mfa.OPTIONAL (the library\'s default) or Mfa.OFF',
      '  - userPoolProps.enableSmsRole "false" is invalid: true or absent with SMS_OTP: Cognito sends the codes through an SMS role',
    ].join('\n'));
  });

  test('a relying party that is no domain name', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, { domain: customDomain(stack, 'auth.example.com'), signIn: { passkeyRelyingPartyId: 'com' } }))
      .toThrow('Stack/Login: signIn.passkeyRelyingPartyId "com" is invalid: a lowercase domain name of two labels or more, at most 127 characters');
  });

  test('passkey settings without passkeys', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, {
      signIn: {
        allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.EMAIL_OTP],
        passkeyRelyingPartyId: 'acme-test.auth.eu-west-1.amazoncognito.com',
        passkeyUserVerification: PasskeyVerification.REQUIRED,
      },
    })).toThrow([
      'Stack/Login: 2 invalid values',
      '  - signIn.passkeyRelyingPartyId "acme-test.auth.eu-west-1.amazoncognito.com" is invalid: absent unless PASSKEY is among allowedFirstFactors',
      '  - signIn.passkeyUserVerification "required" is invalid: absent unless PASSKEY is among allowedFirstFactors',
    ].join('\n'));
  });

  test('passkeys on a pool that requires MFA, without user verification required', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, { userPoolProps: { mfa: cognito.Mfa.REQUIRED }, signIn: {} }))
      .toThrow('Stack/Login: signIn.passkeyUserVerification "(not given)" is invalid: PasskeyVerification.REQUIRED when the pool requires MFA: '
        + 'Cognito lets a passkey satisfy MFA only with user verification');
  });

  test('pool props that signIn configures, and SMS codes without an SMS role', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, {
      userPoolProps: { passkeyRelyingPartyId: 'acme-test.auth.eu-west-1.amazoncognito.com', enableSmsRole: false },
      signIn: { allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.SMS_OTP] },
    })).toThrow([
      'Stack/Login: 2 invalid values',
      '  - userPoolProps.passkeyRelyingPartyId "acme-test.auth.eu-west-1.amazoncognito.com" is invalid: absent when signIn is given: signIn configures it',
      '  - userPoolProps.enableSmsRole "false" is invalid: true or absent with SMS_OTP: Cognito sends the codes through an SMS role',
    ].join('\n'));
  });

  test('the prefix domain is recognised when the region is only known at deploy time', () => {
    // GIVEN
    const stack = new Stack();

    // WHEN
    new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'),
      signIn: { passkeyRelyingPartyId: 'acme-test.auth.eu-west-1.amazoncognito.com' },
    });

    // THEN
    expect(() => new CognitoLogin(stack, 'Other', {
      domain: LoginDomain.cognitoPrefix('acme-other'),
      signIn: { passkeyRelyingPartyId: 'acme-test.auth.eu-west-1.amazoncognito.com' },
    })).toThrow('signIn.passkeyRelyingPartyId "acme-test.auth.eu-west-1.amazoncognito.com" is invalid: '
      + 'the login\'s prefix domain <prefix>.auth.<region>.amazoncognito.com itself');
  });
});
