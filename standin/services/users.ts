import { epochSeconds } from './branding-store';
import { CognitoState, UserPool } from './cognito-state';
import { Prng } from './prng';
import { invalidParameter, ServiceError } from './service-error';

/**
 * The users of the stand-in's pools, for account linking: native users
 * (made by sign-up or AdminCreateUser), federated users (made by a first
 * sign-in through a provider), and the links between them
 * (AdminLinkProviderForUser / AdminDisableProviderForUser), and whether an
 * administrator disabled them (AdminDisableUser). The request
 * shapes are checked against botocore's model before these run; the
 * semantics are AWS's API reference (seed 002), and the wording of refusals
 * the reference does not give is the stand-in's own.
 */

/** One user. Attributes by name, as Cognito keeps them (strings). */
export interface StoredUser {
  readonly username: string;
  readonly attributes: Map<string, string>;
  /** CONFIRMED, UNCONFIRMED, FORCE_CHANGE_PASSWORD, or EXTERNAL_PROVIDER for a federated user. */
  status: string;
  enabled: boolean;
  /** Federated identities linked to this (native) user: the provider and the subject there. */
  readonly identities: { readonly providerName: string; readonly subject: string }[];
  readonly created: Date;
  modified: Date;
}

/** How a federated sign-in ended, as the hosted UI would tell the app. */
export type FederatedSignInOutcome =
  | { readonly signedIn: true; readonly username: string; readonly linked: boolean }
  | { readonly signedIn: false; readonly error: string };

/** A pre sign-up trigger: resolves with the event, or rejects (the sign-up fails with its message). */
export type PreSignUpTrigger = (event: PreSignUpEvent) => Promise<unknown>;

/** The part of Cognito's pre sign-up event the stand-in sends. */
export interface PreSignUpEvent {
  readonly version: '1';
  readonly region: string;
  readonly userPoolId: string;
  readonly userName: string;
  readonly triggerSource: 'PreSignUp_ExternalProvider' | 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser';
  readonly callerContext: { readonly awsSdkVersion: string; readonly clientId: string };
  readonly request: { readonly userAttributes: { readonly [name: string]: string } };
  readonly response: { autoConfirmUser: boolean; autoVerifyEmail: boolean; autoVerifyPhone: boolean };
}

/** Attributes ListUsers' Filter may name (API_ListUsers). */
const FILTERABLE = new Set([
  'username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub',
]);

/** `attribute = "value"` or `attribute ^= "value"` (prefix), the whole grammar of ListUsers' Filter. */
const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/** A user as the link operations name it (botocore's ProviderUserIdentifierType). */
interface ProviderUser {
  readonly ProviderName?: string;
  readonly ProviderAttributeName?: string;
  readonly ProviderAttributeValue?: string;
}

/** How Cognito refuses a disabled user's sign-in (NotAuthorizedException, API_InitiateAuth). */
const USER_DISABLED = 'User is disabled.';

/**
 * How Cognito refuses a write of an attribute the app client may not write
 * (NotAuthorizedException, API_UpdateUserAttributes and API_SignUp). A
 * federated sign-in writes the provider's mapped attributes through the
 * client, and "if your app client does not have write access to a mapped
 * attribute, Amazon Cognito throws an error when it tries to update the
 * attribute" (API_UserPoolClientType, WriteAttributes); the reference does
 * not quote the text for that path, so the stand-in uses the one Cognito
 * gives for a write the client may not make.
 */
export const UNAUTHORIZED_ATTRIBUTE = 'A client attempted to write unauthorized attribute';

/**
 * The standard attributes (developer guide, "User pool attributes"), which a
 * client without WriteAttributes may write, the two verification flags among
 * them ("When you don't specify the WriteAttributes for your app client, your
 * app can write the values of the Standard attributes of your user pool").
 */
const STANDARD_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
  'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
]);

/**
 * The way a federated sign-in comes in: the provider's attribute mapping
 * (pool attribute to provider claim, CreateIdentityProvider AttributeMapping)
 * and the write attributes of the app client it goes through.
 */
export interface SignInRoute {
  readonly attributeMapping: { readonly [poolAttribute: string]: string };
  /** The client's WriteAttributes; undefined: the standard attributes. */
  readonly writeAttributes?: readonly string[];
}

/** The ProviderName of a native user in the link operations. */
const COGNITO_PROVIDER = 'Cognito';

export class UserDirectory {
  constructor(private readonly cognito: CognitoState, private readonly prng: Prng) {}

  // ---- data plane (the operations) ----

  /** ListUsers: every user, or those the filter matches, in creation order, at most Limit (default 60) a page. */
  list(input: { UserPoolId: string; Filter?: string; Limit?: number; PaginationToken?: string; AttributesToGet?: string[] }): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const matches = filterOf(input.Filter);
    const users = [...usersOf(pool).values()].filter((user) => matches(user));
    const start = input.PaginationToken === undefined ? 0 : Number(Buffer.from(input.PaginationToken, 'base64').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > users.length) {
      throw invalidParameter('The pagination token is invalid.');
    }
    const limit = input.Limit === undefined || input.Limit === 0 ? 60 : input.Limit;
    const page = users.slice(start, start + limit);
    const next = start + limit < users.length ? Buffer.from(String(start + limit)).toString('base64') : undefined;
    return {
      Users: page.map((user) => render(user, input.AttributesToGet)),
      ...(next === undefined ? {} : { PaginationToken: next }),
    };
  }

  /**
   * AdminCreateUser: a native user in FORCE_CHANGE_PASSWORD. With email as the
   * pool's sign-in attribute (this library's pools), Username is the email and
   * the user name Cognito keeps is a generated id; another user holding the
   * email is UsernameExistsException. MessageAction SUPPRESS sends nothing;
   * the stand-in sends nothing either way.
   */
  adminCreate(input: { UserPoolId: string; Username: string; UserAttributes?: { Name: string; Value?: string }[]; MessageAction?: string }): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const users = usersOf(pool);
    const attributes = new Map((input.UserAttributes ?? []).map((a) => [a.Name, a.Value ?? '']));
    if (input.MessageAction === 'RESEND') {
      throw invalidParameter('RESEND is for an existing user; the stand-in does not send messages.');
    }
    const email = input.Username.includes('@') ? input.Username : attributes.get('email');
    if (input.Username.includes('@')) {
      if (attributes.has('email') && attributes.get('email') !== input.Username) {
        throw invalidParameter('The email attribute differs from the user name, which is an email address.');
      }
      attributes.set('email', input.Username);
    }
    if (email !== undefined && [...users.values()].some((u) => u.status !== 'EXTERNAL_PROVIDER' && u.attributes.get('email') === email)) {
      throw new ServiceError('UsernameExistsException', 'An account with the given email already exists.');
    }
    const username = input.Username.includes('@') ? this.prng.uuid() : input.Username;
    if (users.has(username)) {
      throw new ServiceError('UsernameExistsException', 'User account already exists.');
    }
    const user = this.addUser(pool, username, attributes, 'FORCE_CHANGE_PASSWORD');
    return { User: render(user) };
  }

  /**
   * AdminLinkProviderForUser: from now on, the source identity signs in as
   * the destination user. The destination must exist (UserNotFoundException);
   * the source must be a federated identity of a provider, not a native
   * user, that has never signed in (its federated user does not exist) and
   * is not linked yet.
   */
  adminLink(input: {
    UserPoolId: string;
    DestinationUser: ProviderUser;
    SourceUser: ProviderUser;
  }): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const users = usersOf(pool);
    const { DestinationUser: destination, SourceUser: source } = input;
    if (destination.ProviderName !== COGNITO_PROVIDER) {
      throw invalidParameter('The stand-in links to native users only: DestinationUser.ProviderName must be Cognito.');
    }
    const target = destination.ProviderAttributeValue === undefined ? undefined : users.get(destination.ProviderAttributeValue);
    if (!target || target.status === 'EXTERNAL_PROVIDER') {
      throw new ServiceError('UserNotFoundException', 'User does not exist.');
    }
    if (!source.ProviderName || source.ProviderName === COGNITO_PROVIDER || !source.ProviderAttributeValue) {
      throw invalidParameter('SourceUser must be a federated identity: a provider name other than Cognito and a provider attribute value.');
    }
    if (source.ProviderAttributeName !== 'Cognito_Subject') {
      throw invalidParameter('The stand-in links by subject only: SourceUser.ProviderAttributeName must be Cognito_Subject.');
    }
    const subject = source.ProviderAttributeValue;
    if (users.has(federatedUsername(source.ProviderName, subject))) {
      throw invalidParameter('Merging is not currently supported, provide a SourceUser which has not been used to sign in.');
    }
    if (linkedUser(pool, source.ProviderName, subject)) {
      throw invalidParameter('SourceUser is already linked to a user.');
    }
    target.identities.push({ providerName: source.ProviderName, subject });
    target.attributes.set('identities', JSON.stringify(target.identities.map((i) => ({ providerName: i.providerName, userId: i.subject }))));
    target.modified = new Date();
    return {};
  }

  /**
   * AdminDisableProviderForUser: for a federated identity, removes its link
   * (its next sign-in makes a federated user of its own); for a native user
   * (ProviderName Cognito), disables its password sign-in.
   */
  adminDisableProvider(input: { UserPoolId: string; User: ProviderUser }): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const { ProviderName: providerName, ProviderAttributeValue: value } = input.User;
    if (!providerName || !value) {
      throw invalidParameter('User needs a ProviderName and a ProviderAttributeValue.');
    }
    if (providerName === COGNITO_PROVIDER) {
      const user = usersOf(pool).get(value);
      if (!user) {
        throw new ServiceError('UserNotFoundException', 'User does not exist.');
      }
      user.enabled = false;
      return {};
    }
    const linked = linkedUser(pool, providerName, value);
    if (!linked) {
      throw invalidParameter('The identity is not linked to any user.');
    }
    linked.identities.splice(linked.identities.findIndex((i) => i.providerName === providerName && i.subject === value), 1);
    linked.attributes.set('identities', JSON.stringify(linked.identities.map((i) => ({ providerName: i.providerName, userId: i.subject }))));
    linked.modified = new Date();
    return {};
  }

  /**
   * AdminDisableUser: the user can no longer sign in, by any of its
   * identities ("Deactivates a user profile and revokes all access tokens
   * for the user. A deactivated user can't sign in", API_AdminDisableUser).
   */
  adminDisableUser(input: { UserPoolId: string; Username: string }): object {
    const user = usersOf(this.cognito.pool(input.UserPoolId)).get(input.Username);
    if (!user) {
      throw new ServiceError('UserNotFoundException', 'User does not exist.');
    }
    user.enabled = false;
    user.modified = new Date();
    return {};
  }

  // ---- control plane (what people do through the login pages) ----

  /**
   * A native user signs up with email and password; `verified` when they
   * confirmed the code sent to their email. `confirmed: false` with
   * `verified: true` is a sign-up never confirmed whose email an administrator
   * marked verified (AdminUpdateUserAttributes can set email_verified on any user).
   */
  signUpNative(userPoolId: string, email: string, options: { readonly verified: boolean; readonly confirmed?: boolean }): string {
    const pool = this.cognito.pool(userPoolId);
    const attributes = new Map([['email', email], ['email_verified', String(options.verified)]]);
    return this.addUser(pool, this.prng.uuid(), attributes, (options.confirmed ?? options.verified) ? 'CONFIRMED' : 'UNCONFIRMED').username;
  }

  /**
   * A person signs in through a provider, as the hosted UI carries it out:
   * a linked identity signs in as its user; a known federated user signs in
   * as itself; a first sign-in runs the pre sign-up trigger
   * (PreSignUp_ExternalProvider), which may refuse it, then makes the
   * federated user. If the trigger linked the identity meanwhile, Cognito
   * still tries to make the federated user and refuses with "Already found an
   * entry for username" (the known behaviour of a link made in pre sign-up);
   * a trigger that fails on purpose after linking shows its own message. A
   * disabled user cannot sign in, also not through a linked identity.
   *
   * With a route, `attributes` are the provider's claims: Cognito maps them
   * into pool attributes and writes those through the client at every
   * sign-in, so a sign-in whose mapping fills an attribute the client may
   * not write is refused before anything else. Without one, `attributes` are
   * the pool attributes as already mapped.
   */
  async federatedSignIn(
    userPoolId: string, providerName: string, subject: string, attributes: { readonly [name: string]: string }, trigger?: PreSignUpTrigger,
    route?: SignInRoute,
  ): Promise<FederatedSignInOutcome> {
    const pool = this.cognito.pool(userPoolId);
    const poolAttributes = route === undefined ? attributes : mapClaims(attributes, route.attributeMapping);
    const writable = (name: string) => route?.writeAttributes?.includes(name) ?? STANDARD_ATTRIBUTES.has(name);
    if (route !== undefined && Object.keys(poolAttributes).some((name) => !writable(name))) {
      return { signedIn: false, error: UNAUTHORIZED_ATTRIBUTE };
    }
    const linked = linkedUser(pool, providerName, subject);
    if (linked) {
      return linked.enabled ? { signedIn: true, username: linked.username, linked: true } : { signedIn: false, error: USER_DISABLED };
    }
    const username = federatedUsername(providerName, subject);
    const known = usersOf(pool).get(username);
    if (known) {
      return known.enabled ? { signedIn: true, username, linked: false } : { signedIn: false, error: USER_DISABLED };
    }
    if (trigger) {
      try {
        await trigger({
          version: '1',
          region: pool.region,
          userPoolId,
          userName: username,
          triggerSource: 'PreSignUp_ExternalProvider',
          callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'stand-in' },
          request: { userAttributes: { ...poolAttributes } },
          response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
        });
      } catch (error) {
        return { signedIn: false, error: `PreSignUp failed with error ${(error as Error).message}.` };
      }
    }
    if (linkedUser(pool, providerName, subject)) {
      return { signedIn: false, error: `Already found an entry for username ${username}` };
    }
    this.addUser(pool, username, new Map(Object.entries(poolAttributes)), 'EXTERNAL_PROVIDER');
    return { signedIn: true, username, linked: false };
  }

  private addUser(pool: UserPool, username: string, attributes: Map<string, string>, status: string): StoredUser {
    attributes.set('sub', attributes.get('sub') ?? this.prng.uuid());
    const now = new Date();
    const user: StoredUser = { username, attributes, status, enabled: true, identities: [], created: now, modified: now };
    usersOf(pool).set(username, user);
    return user;
  }
}

/** The pool's users by user name, in creation order. */
export function usersOf(pool: UserPool): Map<string, StoredUser> {
  return pool.users;
}

/** The pool attributes a sign-in's claims fill through the provider's mapping (a claim the provider did not send fills nothing). */
function mapClaims(claims: { readonly [claim: string]: string }, mapping: { readonly [poolAttribute: string]: string }): { [name: string]: string } {
  const mapped: { [name: string]: string } = {};
  for (const [poolAttribute, claim] of Object.entries(mapping)) {
    if (claims[claim] !== undefined) {
      mapped[poolAttribute] = claims[claim];
    }
  }
  return mapped;
}

/** The user name Cognito gives a federated user: `<ProviderName>_<subject>`. */
export function federatedUsername(providerName: string, subject: string): string {
  return `${providerName}_${subject}`;
}

function linkedUser(pool: UserPool, providerName: string, subject: string): StoredUser | undefined {
  return [...usersOf(pool).values()].find((u) => u.identities.some((i) => i.providerName === providerName && i.subject === subject));
}

/** The filter's predicate; a filter outside ListUsers' grammar or attributes is InvalidParameterException. */
function filterOf(filter: string | undefined): (user: StoredUser) => boolean {
  if (filter === undefined || filter.trim() === '') {
    return () => true;
  }
  const match = FILTER.exec(filter);
  if (!match || !FILTERABLE.has(match[1])) {
    throw invalidParameter(`Invalid search filter: ${filter}`);
  }
  const [, attribute, operator, quoted] = match;
  const wanted = quoted.replace(/\\(.)/g, '$1');
  return (user) => {
    const value = attribute === 'username' ? user.username
      : attribute === 'cognito:user_status' ? user.status
        : attribute === 'status' ? (user.enabled ? 'Enabled' : 'Disabled')
          : user.attributes.get(attribute);
    return value !== undefined && (operator === '=' ? value === wanted : value.startsWith(wanted));
  };
}

function render(user: StoredUser, attributesToGet?: string[]): object {
  const attributes = [...user.attributes.entries()]
    .filter(([name]) => attributesToGet === undefined || attributesToGet.includes(name))
    .map(([Name, Value]) => ({ Name, Value }));
  return {
    Username: user.username,
    Attributes: attributes,
    UserCreateDate: epochSeconds(user.created),
    UserLastModifiedDate: epochSeconds(user.modified),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}
