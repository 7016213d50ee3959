import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { ViolationCollector, warn } from '../../private/validate';
import { SignInFactor } from '../sign-in';

const PROP = 'signIn.allowedFirstFactors';

/** The first factors that are one-time codes, which Cognito does not combine with MFA. */
const ONE_TIME_CODES: readonly SignInFactor[] = [SignInFactor.EMAIL_OTP, SignInFactor.SMS_OTP];

/** Records a factor list Cognito refuses on its own: empty, unknown or repeated factors, no PASSWORD. */
export function collectFactorViolations(violations: ViolationCollector, factors: readonly SignInFactor[]): void {
  if (factors.length === 0) {
    violations.add(PROP, factors, 'at least PASSWORD');
    return;
  }
  const known = Object.values(SignInFactor) as string[];
  factors.forEach((factor, index) => {
    if (!known.includes(factor)) {
      violations.add(`${PROP}[${index}]`, factor, `one of ${known.join(', ')}`);
    } else if (factors.indexOf(factor) !== index) {
      violations.add(`${PROP}[${index}]`, factor, 'each factor once');
    }
  });
  if (!factors.includes(SignInFactor.PASSWORD)) {
    violations.add(PROP, describeFactors(factors), 'a list that includes PASSWORD: Cognito keeps password sign-in allowed in every pool');
  }
}

/**
 * The first factors each MFA setting of the pool allows:
 * - OFF: every factor.
 * - OPTIONAL: every factor. Measured against the service (go-to-k/cdkd
 *   issue 1975), SetUserPoolMfaConfig accepts MfaConfiguration OPTIONAL beside
 *   EMAIL_OTP or SMS_OTP among AllowedFirstAuthFactors. A user who has set up
 *   MFA cannot sign in with a code, though (Amplify's "Passwordless" concepts
 *   page, docs.amplify.aws: Cognito does not combine MFA and passwordless
 *   sign-in for one user), hence `warnCodesWithOptionalMfa`.
 * - REQUIRED: PASSWORD and PASSKEY only. The same measurement: with ON, both
 *   SetUserPoolMfaConfig and a CloudFormation stack (rolled back) refuse
 *   EMAIL_OTP and SMS_OTP, "Only PASSWORD and WEB_AUTHN (if configured) can be
 *   enabled as an auth factor if MFA is enabled"; a passkey then needs user
 *   verification (see LoginSignIn).
 */
export function collectMfaFactorViolations(violations: ViolationCollector, factors: readonly SignInFactor[], mfa: cognito.Mfa | undefined): void {
  const codes = factors.filter((factor) => ONE_TIME_CODES.includes(factor));
  if (mfa === cognito.Mfa.REQUIRED && codes.length > 0) {
    violations.add(PROP, describeFactors(factors),
      `PASSWORD and PASSKEY only when userPoolProps.mfa is REQUIRED: Cognito refuses ${describeFactors(codes)} as a first factor in a pool `
      + 'that requires MFA ("Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled"); '
      + `leave out ${describeFactors(codes)}, or set userPoolProps.mfa to Mfa.OPTIONAL (the library's default) or Mfa.OFF`);
  }
}

/** Warns that with optional MFA the users who set MFA up sign in without the one-time codes. */
export function warnCodesWithOptionalMfa(scope: IConstruct, factors: readonly SignInFactor[], mfa: cognito.Mfa | undefined): void {
  const codes = factors.filter((factor) => ONE_TIME_CODES.includes(factor));
  if (mfa === cognito.Mfa.OPTIONAL && codes.length > 0) {
    warn(scope, 'oneTimeCodesWithOptionalMfa',
      `signIn.allowedFirstFactors offers ${describeFactors(codes)} while userPoolProps.mfa is OPTIONAL (the library's default): `
      + 'Cognito does not offer sign-in by one-time code to a user who has set up MFA: such users sign in with their password and MFA. '
      + 'Set userPoolProps.mfa to Mfa.OFF if every user should be able to sign in with a code.');
  }
}

/** The factors by the names of SignInFactor (PASSKEY rather than Cognito's WEB_AUTHN). */
export function describeFactors(factors: readonly SignInFactor[]): string {
  return factors.map((f) => (Object.entries(SignInFactor).find(([, v]) => v === f)?.[0] ?? f)).join(', ');
}
