import { App, AppProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { LoginProvider } from '../src';

/**
 * Context every example app synthesizes with, so that a template
 * CloudFormation would reject fails `cdk synth`, not a deploy minutes later.
 *
 * aws-cdk-lib runs its built-in CloudFormationValidatePlugin (resource
 * schemas and its rule set) on every synth, but by default only reports its
 * findings as warnings on stderr.
 */
export const EXAMPLE_CONTEXT: { readonly [key: string]: boolean } = Object.fromEntries(Object.entries({
  // Findings of the built-in plugin become errors: synth throws.
  [cxapi.VALIDATE_AGAINST_DEFAULT_RULES]: true,
  // ...and so do its warnings (aws-cdk-lib's own "construct library strict
  // mode"): an example must show a template without findings, since users copy them.
  [cxapi.STRICT_CFN_VALIDATE_ERRORS]: true,
// Both flags exist from aws-cdk-lib 2.262.0 on; on an older release (the
// library supports them) their names are undefined and nothing is set.
}).filter(([key]) => key !== 'undefined'));

/**
 * A CDK app for an example: `props` as given, with EXAMPLE_CONTEXT under the
 * caller's own context (a key the caller sets explicitly wins, so a test can
 * show what happens without it).
 */
export function exampleApp(props: AppProps = {}): App {
  return new App({
    ...props,
    context: { ...EXAMPLE_CONTEXT, ...props.context },
  });
}

/**
 * Acknowledges one cdk-nag rule on the CloudFormation resource of a user
 * pool, with the reason the app's owner accepts the finding. Narrow on
 * purpose: one rule id, one resource, never a stack or app-wide acknowledgement,
 * so the same finding on any other pool still fails.
 *
 * cdk-nag 3 reads acknowledgements recorded with aws-cdk-lib's own
 * `Validations.of(...).acknowledge()`; apps need no import of cdk-nag for it.
 */
export function acknowledgeOnUserPool(userPool: cognito.IUserPool, id: string, reason: string): void {
  const resource = userPool.node.defaultChild;
  if (!(resource instanceof cognito.CfnUserPool)) {
    throw new Error(`${userPool.node.path}: acknowledge ${id} on a pool created in this app, not an imported one`);
  }
  // Validations is aws-cdk-lib 2.251.0 or newer; the library supports older
  // releases, where no validation plugin (cdk-nag 3) reads acknowledgements.
  if (Validations !== undefined) {
    Validations.of(resource).acknowledge({ id, reason });
  }
}

/**
 * Why an example stays on the Essentials feature plan (cdk-nag AwsSolutions-COG8).
 * The custom-domain example shows a Plus pool that needs no acknowledgement.
 */
export const ESSENTIALS_PLAN_REASON = 'Cost decision of the app owner: Essentials includes managed login and its branding; '
  + 'Plus adds threat protection, billed per monthly active user at a multiple of Essentials, which this app does not buy.';

/**
 * What the examples that build a plain aws-cdk-lib UserPool (to show the
 * standalone branding constructs) give it, so that they are as safe as a
 * CognitoLogin pool: strong passwords (every flag explicit, since cdk-nag
 * AwsSolutions-COG1 reads the template, where aws-cdk-lib leaves unset flags
 * to Cognito's defaults), MFA by authenticator app required
 * (AwsSolutions-COG2), and deletion protection on top of the L2's RETAIN.
 */
export const SECURE_POOL_PROPS: cognito.UserPoolProps = {
  passwordPolicy: {
    minLength: 12,
    requireLowercase: true,
    requireUppercase: true,
    requireDigits: true,
    requireSymbols: true,
  },
  mfa: cognito.Mfa.REQUIRED,
  mfaSecondFactor: { otp: true, sms: false },
  deletionProtection: true,
};

/** A plain aws-cdk-lib pool and its prefix domain: what the standalone-construct examples style. */
export interface PlainLoginPool {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
}

/**
 * The pool (construct id `Pool`, with SECURE_POOL_PROPS and the Essentials
 * acknowledgement) and prefix domain (`Domain`) that the examples of the
 * standalone ManagedLoginBranding and ClassicLoginCustomization build on.
 */
export function plainLoginPool(scope: Construct, domainPrefix: string, managedLoginVersion: cognito.ManagedLoginVersion): PlainLoginPool {
  const userPool = new cognito.UserPool(scope, 'Pool', {
    selfSignUpEnabled: false,
    ...SECURE_POOL_PROPS,
    // Managed login branding needs the Essentials or Plus feature plan.
    ...(managedLoginVersion === cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN ? { featurePlan: cognito.FeaturePlan.ESSENTIALS } : {}),
  });
  acknowledgeOnUserPool(userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);
  const domain = userPool.addDomain('Domain', { cognitoDomain: { domainPrefix }, managedLoginVersion });
  return { userPool, domain };
}

/** An app client of a plain pool with the authorization-code grant and one callback URL. */
export function codeGrantClient(userPool: cognito.UserPool, id: string, callbackUrl: string): cognito.UserPoolClient {
  return userPool.addClient(id, { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: [callbackUrl] } });
}

/**
 * The examples' corporate SAML identity provider `Corp`: metadata by URL,
 * chosen by the email domain corp.example.com, its email claim mapped.
 */
export function corpSamlProvider(): LoginProvider {
  return LoginProvider.saml({
    name: 'Corp',
    metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.corp.example.com/saml/metadata.xml'),
    identifiers: ['corp.example.com'],
    attributeMapping: {
      email: cognito.ProviderAttribute.other('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'),
    },
  });
}
