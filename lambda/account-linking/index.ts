/**
 * The pre sign-up trigger of account linking (AccountLinking.byVerifiedEmail):
 * when a person signs in through a federated provider for the first time
 * (trigger source PreSignUp_ExternalProvider) and the pool has one native
 * user with the same, verified email, it links the federated identity to
 * that user (AdminLinkProviderForUser), so the person keeps one account, one
 * `sub`, one set of groups. Bundled on its own into
 * assets/account-linking/index.js.
 *
 * First sign-in after a link: Cognito goes on to create the federated user
 * anyway and refuses it ("Already found an entry for username ...", reported
 * in aws-amplify/amplify-flutter#1716, aws-amplify/docs#2758 and on Stack
 * Overflow 47815161), so the first sign-in fails whatever the trigger
 * returns, and the next one signs in as the linked user. Rather than let
 * that message (Cognito's own words, with the provider's subject in it) reach
 * the app, the trigger fails the sign-up itself after linking, with
 * ACCOUNT_LINKED_MESSAGE: the app receives
 * `error_description=PreSignUp failed with error ACCOUNT_LINKED: ...` at its
 * callback URL and can start the sign-in again without asking the person
 * (the provider's session is still open, so it costs them nothing).
 *
 * Failing is the only way to stop that sign-up with words of our own: the
 * pre sign-up response has no member that refuses a sign-up (it carries
 * autoConfirmUser, autoVerifyEmail and autoVerifyPhone only; Cognito
 * developer guide, "Pre sign-up Lambda trigger", and the PreSignUpTriggerEvent
 * type of @types/aws-lambda), and Cognito passes on a function error's message
 * as `PreSignUp failed with error <message>.`. Lambda counts every function
 * error in the function's `Errors` metric ("Errors: the number of invocations
 * that result in a function error. Function errors include exceptions that
 * your code throws"; Lambda developer guide, "Types of metrics for Lambda
 * functions"), and the Node.js runtime logs it as `Invoke Error`. So a link
 * is told apart from a failure by its error type (`AccountLinked`, without a
 * stack) and by the trigger's own log line (`"action":"linked"`); a failure
 * logs `"action":"failed"` with the operation and the error's name, and
 * answers the app with LINKING_FAILED_MESSAGE only.
 */
import { createHash } from 'crypto';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { judgeEvent } from './decision';
import { NativeUser, createNativeUser, linkIdentity, nativeUsersWithEmail } from './directory';
import { CognitoIdentityProviderClient } from './sdk';
import {
  ACCOUNT_LINKED_MESSAGE, AMBIGUOUS_EMAIL_MESSAGE, LINKING_FAILED_MESSAGE, LINKING_POLICY_VARIABLE, LinkingPolicy, parseLinkingPolicy,
} from '../../src/account-linking/private/linking-contract';
import { log } from '../shared/log';

/**
 * Cognito waits 5 seconds for a trigger, then fails the sign-in: short
 * connection and request limits, and one retry, keep the calls inside that.
 */
const COGNITO_CLIENT_CONFIG = {
  maxAttempts: 2,
  // Not "adaptive" whatever AWS_RETRY_MODE says: the bundle leaves it out (scripts/bundle/standard-retry.ts).
  retryMode: 'standard',
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 1_500, throwOnRequestTimeout: true },
} as const;

/** Knobs for tests; the deployed trigger reads its policy from the environment and builds its own client. */
export interface TriggerDependencies {
  readonly cognito?: CognitoIdentityProviderClient;
  readonly policy?: LinkingPolicy;
}

export type PreSignUpHandler = (event: PreSignUpTriggerEvent) => Promise<PreSignUpTriggerEvent>;

export function createPreSignUpHandler(dependencies: TriggerDependencies = {}): PreSignUpHandler {
  // Read once per cold start; a missing or malformed policy fails every sign-up (fail closed) rather than link on guesses.
  let policy = dependencies.policy;
  let cognito = dependencies.cognito;
  return async (event) => {
    policy ??= parseLinkingPolicy(process.env[LINKING_POLICY_VARIABLE]);
    const client = cognito ??= new CognitoIdentityProviderClient(COGNITO_CLIENT_CONFIG);
    const verdict = judgeEvent(event, policy);
    if (!verdict.link) {
      log('account linking', { action: 'not linked', reason: verdict.reason, provider: verdict.providerName, triggerSource: event.triggerSource });
      return event;
    }
    const { identity, email } = verdict;
    const provider = identity.providerName;
    const natives = await call('ListUsers', provider, () => nativeUsersWithEmail(client, event.userPoolId, email));
    if (natives.length > 1) {
      log('account linking', { action: 'refused', reason: 'more than one native user has the email', provider, candidates: natives.length });
      throw new Error(AMBIGUOUS_EMAIL_MESSAGE);
    }
    let username: string;
    if (natives.length === 1) {
      const unlinkable = whyNotLinkable(natives[0]);
      if (unlinkable !== undefined) {
        log('account linking', { action: 'not linked', reason: unlinkable, provider, userHash: hashed(natives[0].username) });
        return event;
      }
      username = natives[0].username;
    } else if (policy.createNativeUser) {
      username = await call('AdminCreateUser', provider, () => createNativeUser(client, event.userPoolId, email));
      log('account linking', { action: 'native user created', provider, userHash: hashed(username) });
    } else {
      log('account linking', { action: 'not linked', reason: 'no native user has the email', provider });
      return event;
    }
    await call('AdminLinkProviderForUser', provider, () => linkIdentity(client, event.userPoolId, username, identity));
    log('account linking', { action: 'linked', provider, userHash: hashed(username) });
    throw new AccountLinked();
  };
}

/**
 * The statuses of a native user who finished signing up: CONFIRMED, or made
 * by an administrator (FORCE_CHANGE_PASSWORD, as the trigger's own
 * createNativeUser makes them) or asked to reset the password
 * (RESET_REQUIRED). UNCONFIRMED (a sign-up whose code was never entered),
 * COMPROMISED, ARCHIVED and UNKNOWN are never link targets (API_UserType, UserStatus).
 */
const LINKABLE_STATUSES: readonly string[] = ['CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED'];

/** Why the one native user with the email may not receive the federated identity, or undefined when it may. */
function whyNotLinkable(user: NativeUser): string | undefined {
  if (!user.enabled) {
    // An administrator turned the account off; linking would hand the person a way around that, or into a closed account.
    return 'the native user is disabled';
  }
  if (!LINKABLE_STATUSES.includes(user.status)) {
    return 'the native user has not confirmed its sign-up';
  }
  if (!user.emailVerified) {
    // Whoever made that account never proved the address is theirs; linking would hand it to them.
    return 'the native user has not verified the email';
  }
  return undefined;
}

/**
 * The end of a sign-up the trigger linked: a function error by necessity
 * (see above), named so that the runtime's `Invoke Error` line reads
 * `AccountLinked`, and without a stack, since nothing went wrong.
 */
class AccountLinked extends Error {
  constructor() {
    super(ACCOUNT_LINKED_MESSAGE);
    this.name = 'AccountLinked';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * One Cognito call of the trigger. When it fails, the log gets the
 * operation and the error's name (never its message, which may carry a user
 * name or an ARN), and the sign-up is refused with LINKING_FAILED_MESSAGE:
 * nothing is linked on a guess, and the person can try again.
 */
async function call<T>(operation: string, provider: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    log('account linking', { action: 'failed', operation, provider, errorName: error instanceof Error ? error.name : typeof error });
    throw new Error(LINKING_FAILED_MESSAGE);
  }
}

/** A user name as the log may carry it: not the name, but enough to match two lines about the same user. */
function hashed(username: string): string {
  return createHash('sha256').update(username).digest('hex').slice(0, 16);
}

export const handler = createPreSignUpHandler();
