import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { LoginClientOptions } from '../../client/client';
import { LoginDomain } from '../../domain/domain';
import { LoginPages } from '../../pages/login-pages';
import { ClientPlacement, LoginClient, LoginFeature, clientProp } from '../../private/login-feature';
import { ViolationCollector, warn } from '../../private/validate';
import { PasskeyVerification, SignInFactor, SignInOptions } from '../sign-in';
import { collectFactorViolations, collectMfaFactorViolations, describeFactors, warnCodesWithOptionalMfa } from './first-factors';
import { RelyingPartyFit, checkRelyingParty, domainHost, warnRelyingParty } from './relying-party';

/**
 * Everything here reaches the pool through CloudFormation property overrides
 * on its CfnUserPool, not aws-cdk-lib's UserPool props (`signInPolicy`,
 * `passkeyRelyingPartyId`, `passkeyUserVerification`): those props only exist
 * in aws-cdk-lib releases newer than the oldest this library supports, and
 * `WebAuthnFactorConfiguration` has no L2 prop at all (aws-cdk issue 37895).
 * `addPropertyOverride` exists in every aws-cdk-lib 2 release, and the
 * properties exist in CloudFormation whatever aws-cdk-lib's bundled spec says.
 */
const CFN = {
  allowedFirstAuthFactors: 'Policies.SignInPolicy.AllowedFirstAuthFactors',
  relyingPartyId: 'WebAuthnRelyingPartyID',
  userVerification: 'WebAuthnUserVerification',
  factorConfiguration: 'WebAuthnFactorConfiguration',
} as const;

/** WebAuthnFactorConfiguration value under which a passkey with user verification satisfies MFA (API_WebAuthnConfigurationType). */
const PASSKEY_AS_MFA = 'MULTI_FACTOR_WITH_USER_VERIFICATION';

/** The explicit auth flow that lets a client use choice-based sign-in (API_CreateUserPoolClient). */
const ALLOW_USER_AUTH = 'ALLOW_USER_AUTH';
/** What a client gets when it named no auth flows: choice-based sign-in, and refreshing its tokens. */
const DEFAULT_AUTH_FLOWS = [ALLOW_USER_AUTH, 'ALLOW_REFRESH_TOKEN_AUTH'];

const DEFAULT_FACTORS = [SignInFactor.PASSWORD, SignInFactor.PASSKEY];

/** UserPoolProps members that configure what signIn configures: one place only. */
const POOL_PROPS_OWNED_BY_SIGN_IN = ['signInPolicy', 'passkeyRelyingPartyId', 'passkeyUserVerification'];

/** What the sign-in checks need to know about the rest of the login. */
export interface SignInContext {
  readonly domain: LoginDomain;
  readonly pages: LoginPages;
  /** The pool the user passed in, if any. */
  readonly userPool?: cognito.IUserPool;
  /** userPoolProps as the user gave them. */
  readonly userPoolProps?: cognito.UserPoolProps;
  /** userPoolProps over the library's defaults: the pool that will be made. */
  readonly mergedPoolProps: cognito.UserPoolProps;
}

/**
 * The checked choice-based sign-in of one login: what it adds to the new
 * pool's props, the overrides it writes on the pool, and the auth flow it
 * gives each client: one added with addClient, one found on the pool, and
 * one of the app given to addExistingClient. An imported client's flows are
 * set where it is made, so it gets a warning instead.
 */
export class LoginSignIn implements LoginFeature<LoginClientOptions> {
  /**
   * Checks the options against the rest of the login; every violation is
   * reported in one ValidationError on `scope`.
   */
  public static resolve(scope: IConstruct, options: SignInOptions, context: SignInContext): LoginSignIn {
    const violations = new ViolationCollector(scope);
    if (context.userPool !== undefined) {
      // A pool made elsewhere is configured where it is made (see the README's "Adopt an existing pool"), like userPoolProps.
      violations.add('signIn', Object.keys(options).join(', ') || '{}',
        'absent when userPool is given: configure sign-in on your own pool (aws-cdk-lib\'s signInPolicy, passkeyRelyingPartyId '
        + 'and passkeyUserVerification, or its CfnUserPool), and give clients ALLOW_USER_AUTH with clientProps.authFlows');
      violations.throwIfAny();
    }
    const factors = options.allowedFirstFactors ?? DEFAULT_FACTORS;
    collectFactorViolations(violations, factors);
    const passkey = factors.includes(SignInFactor.PASSKEY);
    const pool = context.mergedPoolProps;
    collectMfaFactorViolations(violations, factors, pool.mfa);

    if (context.pages.classicOptions !== undefined) {
      violations.add('signIn', describeFactors(factors),
        'only with LoginPages.managedLogin(): the classic hosted UI offers password sign-in only and cannot show passkeys or one-time codes');
    }
    if (pool.featurePlan === cognito.FeaturePlan.LITE) {
      violations.add('userPoolProps.featurePlan', pool.featurePlan,
        'ESSENTIALS or PLUS with signIn: Cognito offers choice-based sign-in and passkeys from the Essentials plan up');
    }
    for (const member of POOL_PROPS_OWNED_BY_SIGN_IN) {
      const value = (context.userPoolProps as Record<string, unknown> | undefined)?.[member];
      if (value !== undefined) {
        violations.add(`userPoolProps.${member}`, value, 'absent when signIn is given: signIn configures it');
      }
    }
    if (factors.includes(SignInFactor.SMS_OTP) && pool.enableSmsRole === false) {
      violations.add('userPoolProps.enableSmsRole', false, 'true or absent with SMS_OTP: Cognito sends the codes through an SMS role');
    }

    const host = domainHost(scope, context.domain);
    const relyingPartyId = options.passkeyRelyingPartyId;
    let relyingPartyFit: RelyingPartyFit = 'loginDomain';
    if (relyingPartyId !== undefined) {
      if (!passkey) {
        violations.add('signIn.passkeyRelyingPartyId', relyingPartyId, 'absent unless PASSKEY is among allowedFirstFactors');
      } else {
        relyingPartyFit = checkRelyingParty(violations, relyingPartyId, context.domain, host);
      }
    }
    const mfaRequired = pool.mfa === cognito.Mfa.REQUIRED;
    const userVerification = options.passkeyUserVerification;
    if (userVerification !== undefined && !passkey) {
      violations.add('signIn.passkeyUserVerification', userVerification, 'absent unless PASSKEY is among allowedFirstFactors');
    } else if (userVerification !== undefined && !Object.values(PasskeyVerification).includes(userVerification)) {
      violations.add('signIn.passkeyUserVerification', userVerification, `one of ${Object.values(PasskeyVerification).join(', ')}`);
    } else if (passkey && mfaRequired && userVerification !== PasskeyVerification.REQUIRED) {
      violations.add('signIn.passkeyUserVerification', userVerification ?? '(not given)',
        'PasskeyVerification.REQUIRED when the pool requires MFA: Cognito lets a passkey satisfy MFA only with user verification');
    }
    violations.throwIfAny();

    if (factors.includes(SignInFactor.EMAIL_OTP) && pool.email === undefined) {
      warn(scope, 'emailOtpWithCognitoEmail',
        'EMAIL_OTP sends a code by email on every sign-in, and Cognito\'s own email sending is limited to a few dozen messages a day; '
        + 'send through Amazon SES with userPoolProps.email (cognito.UserPoolEmail.withSES).');
    }
    warnCodesWithOptionalMfa(scope, factors, pool.mfa);
    if (relyingPartyId !== undefined) {
      warnRelyingParty(scope, relyingPartyFit, relyingPartyId, context.domain, host);
    }
    return new LoginSignIn(factors, passkey ? {
      relyingPartyId: relyingPartyId ?? host,
      userVerification: userVerification ?? PasskeyVerification.PREFERRED,
      asMfa: mfaRequired,
    } : undefined);
  }

  private constructor(
    private readonly factors: readonly SignInFactor[],
    private readonly passkey: { relyingPartyId: string; userVerification: PasskeyVerification; asMfa: boolean } | undefined,
  ) {}

  /** The new pool's props with what the factors need: an SMS role for SMS_OTP, unless the user chose one. */
  public poolProps(merged: cognito.UserPoolProps): cognito.UserPoolProps {
    if (this.factors.includes(SignInFactor.SMS_OTP) && merged.enableSmsRole === undefined && merged.smsRole === undefined) {
      return { ...merged, enableSmsRole: true };
    }
    return merged;
  }

  /** Writes the sign-in policy and passkey settings on the pool's CloudFormation resource. */
  public applyToPool(pool: cognito.UserPool): void {
    const resource = pool.node.defaultChild as cognito.CfnUserPool;
    resource.addPropertyOverride(CFN.allowedFirstAuthFactors, [...this.factors]);
    if (this.passkey !== undefined) {
      resource.addPropertyOverride(CFN.relyingPartyId, this.passkey.relyingPartyId);
      resource.addPropertyOverride(CFN.userVerification, this.passkey.userVerification);
      if (this.passkey.asMfa) {
        resource.addPropertyOverride(CFN.factorConfiguration, PASSKEY_AS_MFA);
      }
    }
  }

  /** Refuses a client of addClient that turns ALLOW_USER_AUTH off; the others have no options here. */
  public validateClient(violations: ViolationCollector, placement: ClientPlacement<LoginClientOptions>): void {
    if (placement.options !== undefined) {
      collectClientSignInViolations(violations, clientProp(placement, 'clientProps'), placement.options.clientProps);
    }
  }

  /**
   * Gives a client ALLOW_USER_AUTH, which choice-based sign-in needs, on top
   * of the flows it has. Written on the CfnUserPoolClient rather than through
   * aws-cdk-lib's `authFlows.user`, which older releases lack. An imported
   * client has no resource in this app to write it on; a machine client
   * (client credentials grant) signs no users in.
   */
  public applyToClient(client: LoginClient<LoginClientOptions>): void {
    if (client.access === 'machine') {
      return;
    }
    const resource = client.resource;
    if (resource === undefined) {
      warn(client.client, 'signInOnImportedClient',
        `The login's signIn cannot give this imported client ${ALLOW_USER_AUTH}, which choice-based sign-in needs: `
        + 'add it to the client\'s explicit auth flows where the client is made.');
      return;
    }
    const flows = resource.explicitAuthFlows;
    if (flows === undefined) {
      resource.explicitAuthFlows = [...DEFAULT_AUTH_FLOWS];
    } else if (!flows.includes(ALLOW_USER_AUTH)) {
      resource.explicitAuthFlows = [...flows, ALLOW_USER_AUTH];
    }
  }
}

/** Records a client's clientProps that contradict choice-based sign-in. */
export function collectClientSignInViolations(
  violations: ViolationCollector, prop: string, clientProps: cognito.UserPoolClientOptions | undefined,
): void {
  const user = (clientProps?.authFlows as Record<string, unknown> | undefined)?.user;
  if (user === false) {
    violations.add(`${prop}.authFlows.user`, user, 'true or absent: the login\'s signIn gives every client ALLOW_USER_AUTH, which choice-based sign-in needs');
  }
}
