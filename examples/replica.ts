import { Annotations, App, AppProps, SecretValue, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { AccountLinking, CognitoLogin, LoginDomain, LoginProvider } from '../src';
import { exampleApp } from './app';

/**
 * Sign-in that survives a Region: a pool in eu-west-1 on login.example.com,
 * replicated to eu-central-1, with account linking (its trigger deployed in
 * both Regions). The login adds four stacks to the app: the domain's
 * certificate (us-east-1, made for it: no `certificate` given, the hosted
 * zone imported by its id), the multi-Region KMS key (eu-west-1), its
 * replica key (eu-central-1) and the replica Region's settings
 * (eu-central-1). The replica stays INACTIVE until `active: true` (README,
 * "A replica in a second Region").
 *
 * A production pool, as the custom-domain example: Plus plan with threat
 * protection enforced and MFA required, by email code rather than an
 * authenticator app, which a secondary replica does not support.
 */
export function createApp(props?: AppProps): App {
  // The made key's ARN goes from its stack to the login's (same Region) as an Export: strong references, said
  // explicitly, as aws-cdk-lib asks of an app with cross-stack references (its README, "Reference strength").
  const app = exampleApp({ ...props, context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong', ...props?.context } });
  const stack = new Stack(app, 'Replica', { env: { account: '123456789012', region: 'eu-west-1' } });

  // Imported by its id, known at synth: the certificate's stack in us-east-1 validates in it before this stack exists.
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
    hostedZoneId: 'Z0123456789EXAMPLE',
    zoneName: 'example.com',
  });

  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.custom({ domainName: 'login.example.com', hostedZone }),
    userPoolProps: {
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      customThreatProtectionMode: cognito.CustomThreatProtectionMode.FULL_FUNCTION,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: false, sms: false, email: true },
      // Email MFA needs email sent through SES; the replica Region gets the same settings.
      email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'eu-west-1', sesVerifiedDomain: 'example.com' }),
    },
    identityProviders: [
      LoginProvider.google({
        clientId: '1234567890-abc.apps.googleusercontent.com',
        clientSecret: SecretValue.secretsManager('acme/google-oauth', { jsonField: 'clientSecret' }),
      }),
    ],
    accountLinking: AccountLinking.byVerifiedEmail(),
    replica: { region: 'eu-central-1' },
  });
  // A new pool: no token verifier knows the original issuer yet.
  Annotations.of(login).acknowledgeWarning('cdk-cognito-login:replicaIssuerChange', 'a new pool: its first tokens carry the multi-Region issuer');

  login.addClient('Web', {
    callbackUrls: ['https://www.example.com/callback'],
    logoutUrls: ['https://www.example.com/'],
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
