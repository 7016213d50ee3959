import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, LoginDomain } from '../src';
import { testStack } from './util/stack';

const CALLBACK = 'https://app.example.com/callback';

function newLogin(stack: Stack): CognitoLogin {
  return new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test') });
}

describe('clientProps', () => {
  test('reach every aws-cdk-lib client option the login does not wrap', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Web', {
      callbackUrls: [CALLBACK],
      clientProps: {
        authFlows: { userSrp: true },
        enableTokenRevocation: true,
        authSessionValidity: Duration.minutes(5),
        readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
        writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
        enablePropagateAdditionalUserContextData: false,
      },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      EnableTokenRevocation: true,
      AuthSessionValidity: 5,
      ReadAttributes: ['email'],
      WriteAttributes: ['name'],
      EnablePropagateAdditionalUserContextData: false,
      AllowedOAuthFlows: ['code'],
    });
  });

  test('precedence: the client\'s own options over clientProps over the login\'s defaults', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Web', {
      callbackUrls: [CALLBACK],
      clientName: 'web-app',
      generateSecret: true,
      accessTokenValidity: Duration.minutes(30),
      clientProps: {
        userPoolClientName: 'ignored',
        generateSecret: false,
        accessTokenValidity: Duration.hours(2),
        idTokenValidity: Duration.hours(2),
        preventUserExistenceErrors: false,
      },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'web-app',
      GenerateSecret: true,
      AccessTokenValidity: 30,
      IdTokenValidity: 120,
      TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes', IdToken: 'minutes' }),
      PreventUserExistenceErrors: 'LEGACY',
    });
  });

  test('name the client when clientName is absent, and are checked like it', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK], clientProps: { userPoolClientName: 'from-props' } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { ClientName: 'from-props' });
    expect(() => login.addClient('Other', { callbackUrls: [CALLBACK], clientProps: { userPoolClientName: 'bad/name' } }))
      .toThrow('Stack/Login: Other.clientName "bad/name" is invalid');
  });

  test('refuse the members the login owns, naming each', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const clientProps = {
      oAuth: { callbackUrls: ['https://evil.example.com/'] },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      userPool: login.userPool,
    } as cognito.UserPoolClientOptions;

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: [CALLBACK], clientProps })).toThrow(new RegExp([
      'Stack/Login: 3 invalid values',
      '  - Web.clientProps.userPool ".*" is invalid: absent: the client is made on the login\'s pool',
      '  - Web.clientProps.oAuth ".*" is invalid: absent: the login owns the OAuth settings; '
        + 'use callbackUrls, logoutUrls, scopes and implicitCodeGrant of the client',
      '  - Web.clientProps.supportedIdentityProviders ".*" is invalid: absent: the login owns the supported providers; '
        + 'use identityProviders of the client',
    ].map((line) => line.replace(/[()]/g, '\\$&')).join('\n')));
  });
});
