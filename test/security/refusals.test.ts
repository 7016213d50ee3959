import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ClassicCss, ClassicLoginCustomization, CognitoLogin, LoginDomain, LoginProvider } from '../../src';
import { testStack } from '../util/stack';

/**
 * Rows of the table of bad input that no other test shows; every
 * other row is shown where its validation lives (see the table in README.md).
 */

describe('refused at synth', () => {
  test('classic CSS alone over the 135 KB SetUICustomization request, without any logo', () => {
    // GIVEN: valid CSS of 161.2 KiB in 105,024 characters (under the 131,072-character limit: 3-byte characters in comments)
    const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
    const userPool = new cognito.UserPool(stack, 'Pool');
    const css = ClassicCss.fromString(`.label-customizable {\n${'  color: #000000; /* \u2600\u2600\u2600\u2600\u2600\u2600\u2600\u2600\u2600\u2600 */\n'.repeat(3_000)}}\n`);

    // WHEN / THEN
    expect(() => new ClassicLoginCustomization(stack, 'Classic', { userPool, css })).toThrow(
      'Stack/Classic: css "161.2 KiB (165024 bytes) of CSS" is invalid: CSS plus the base64 logo of at most 134.0 KiB (137216 bytes), '
      + 'since SetUICustomization refuses requests over 135 KB');
  });

  test('a SAML provider name outside Cognito\'s pattern', () => {
    // GIVEN
    const saml = LoginProvider.saml({
      name: '_corp',
      metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.corp.example.com/saml/metadata.xml'),
    });

    // WHEN / THEN
    expect(() => new CognitoLogin(testStack(), 'Login', { domain: LoginDomain.cognitoPrefix('acme-refusals'), identityProviders: [saml] }))
      .toThrow(/^Stack\/Login: identityProviders\[0\]\.name "_corp" is invalid: .*Cognito pattern/);
  });
});
