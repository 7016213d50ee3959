import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CognitoLogin, LoginDomain } from '../src';
import { exampleApp } from './app';

/**
 * Sign-in pages on auth.example.com: a us-east-1 certificate (CloudFront
 * reads certificates only there) and alias records in the example.com zone.
 * The certificate here is one the app already has; leave `certificate` out
 * and the login makes one in us-east-1, validated in the zone (README,
 * "Domain"; test/domain-certificate.test.ts checks those templates).
 * A production pool: Plus feature plan with threat protection enforced, and
 * MFA (authenticator app) required, so cdk-nag's AwsSolutions checks pass
 * without any acknowledgement.
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'CustomDomain', { env: { account: '123456789012', region: 'eu-west-1' } });

  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate',
    'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555');
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
    hostedZoneId: 'Z0123456789EXAMPLE',
    zoneName: 'example.com',
  });

  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.custom({ domainName: 'auth.example.com', certificate, hostedZone }),
    userPoolProps: {
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      customThreatProtectionMode: cognito.CustomThreatProtectionMode.FULL_FUNCTION,
      mfa: cognito.Mfa.REQUIRED,
    },
  });
  login.addClient('Web', {
    callbackUrls: ['https://www.example.com/callback'],
    logoutUrls: ['https://www.example.com/'],
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
