import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { definedMembers } from '../../private/defined-members';
import { ViolationCollector } from '../../private/validate';

/**
 * Members of aws-cdk-lib's client props that the login decides for every
 * client, and what to use instead. `userPool` is not in UserPoolClientOptions,
 * but JavaScript and jsii callers can still pass it.
 */
const OWNED_BY_LOGIN: { [member: string]: string } = {
  userPool: 'absent: the client is made on the login\'s pool',
  oAuth: 'absent: the login owns the OAuth settings; use callbackUrls, logoutUrls, scopes and implicitCodeGrant of the client',
  supportedIdentityProviders: 'absent: the login owns the supported providers; use identityProviders of the client',
};

/** Members a machine client's clientProps may not hold either: the client credentials grant decides them. */
const OWNED_FOR_MACHINE_CLIENTS: { [member: string]: string } = {
  oAuth: 'absent: the login owns the OAuth settings of a machine client (the client credentials grant); use scopes of the client',
  generateSecret: 'absent: a machine client always has a secret, which the client credentials grant needs',
  disableOAuth: 'absent: the client credentials grant is OAuth',
};

/** What a client's own options may say of its props (LoginClientOptions, LoginMachineClientOptions). */
export interface ClientOwnOptions {
  readonly clientName?: string;
  readonly generateSecret?: boolean;
  readonly accessTokenValidity?: Duration;
  readonly idTokenValidity?: Duration;
  readonly refreshTokenValidity?: Duration;
  readonly clientProps?: cognito.UserPoolClientOptions;
}

/** What the login gives a client unless clientProps or the client's own options say otherwise. */
const LOGIN_CLIENT_DEFAULTS: cognito.UserPoolClientOptions = {
  generateSecret: false,
  preventUserExistenceErrors: true,
};

/** Records every member of `clientProps` that the login owns; `prop` names it, e.g. `Web.clientProps`. */
export function collectClientPropsViolations(
  violations: ViolationCollector, prop: string, clientProps: cognito.UserPoolClientOptions | undefined, machine = false,
): void {
  const given = definedMembers((clientProps ?? {}) as Record<string, unknown>);
  const owned = machine ? { ...OWNED_BY_LOGIN, ...OWNED_FOR_MACHINE_CLIENTS } : OWNED_BY_LOGIN;
  for (const [member, allowed] of Object.entries(owned)) {
    if (member in given) {
      violations.add(`${prop}.${member}`, given[member], allowed);
    }
  }
}

/** The client's name given for Cognito: clientName, else clientProps.userPoolClientName (else the construct id is used). */
export function clientNameOf(options: ClientOwnOptions): string | undefined {
  return options.clientName ?? options.clientProps?.userPoolClientName;
}

/**
 * The props of a login's client, in order of precedence:
 * 1. what the login owns (`userPool`, `oAuth`, `supportedIdentityProviders`), given here;
 * 2. the client's own options (`clientName`, `generateSecret`, the token validities);
 * 3. `clientProps`, as given;
 * 4. the login's defaults (no secret, user existence errors hidden), and
 *    those of its features (`featureDefaults`, e.g. account linking's write attributes).
 */
export function loginClientProps(
  id: string, options: ClientOwnOptions, featureDefaults: cognito.UserPoolClientOptions,
  owned: Pick<cognito.UserPoolClientProps, 'userPool' | 'oAuth' | 'supportedIdentityProviders'>,
): cognito.UserPoolClientProps {
  const own = definedMembers<cognito.UserPoolClientOptions>({
    userPoolClientName: clientNameOf(options) ?? id,
    generateSecret: options.generateSecret,
    accessTokenValidity: options.accessTokenValidity,
    idTokenValidity: options.idTokenValidity,
    refreshTokenValidity: options.refreshTokenValidity,
  });
  return {
    ...LOGIN_CLIENT_DEFAULTS,
    ...featureDefaults,
    ...definedMembers(options.clientProps ?? {}),
    ...own,
    ...owned,
  };
}
