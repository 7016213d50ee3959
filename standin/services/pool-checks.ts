import { UserPool } from './cognito-state';
import { invalidParameter } from './service-error';

/** Both kinds of login-page customization need the pool to have a domain first (standin/README.md). */
export function requireDomain(pool: UserPool): void {
  if (pool.domains.length === 0) {
    throw invalidParameter(`User pool ${pool.id} has no domain. Add a domain to the user pool before you customize its login pages.`);
  }
}

/** What a pool's sign-in settings say, as CreateUserPool and UpdateUserPool (and CloudFormation) take them. */
export interface PoolSignInSettings {
  /** OFF, ON or OPTIONAL. */
  readonly mfaConfiguration?: string;
  /** Policies.SignInPolicy.AllowedFirstAuthFactors. */
  readonly allowedFirstAuthFactors?: readonly string[];
}

/** The first factors that are one-time codes. */
const ONE_TIME_CODES = ['EMAIL_OTP', 'SMS_OTP'];

/** A pool that requires MFA takes no one-time code as a first factor; optional MFA does (standin/README.md). */
export function checkSignInSettings(settings: PoolSignInSettings): void {
  if (settings.mfaConfiguration === 'ON' && (settings.allowedFirstAuthFactors ?? []).some((factor) => ONE_TIME_CODES.includes(factor))) {
    throw invalidParameter('Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled');
  }
}
