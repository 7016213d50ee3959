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
 * that cryptic message reach the app, the trigger fails the sign-up itself
 * after linking, with ACCOUNT_LINKED_MESSAGE: the app receives
 * `error_description=PreSignUp failed with error ACCOUNT_LINKED: ...` at its
 * callback URL and can start the sign-in again without asking the person
 * (the provider's session is still open, so it costs them nothing).
 */
import { createHash } from 'crypto';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { judgeEvent } from './decision';
import { createNativeUser, linkIdentity, nativeUsersWithEmail } from './directory';
import { CognitoIdentityProviderClient } from './sdk';
import {
  ACCOUNT_LINKED_MESSAGE, AMBIGUOUS_EMAIL_MESSAGE, LINKING_POLICY_VARIABLE, LinkingPolicy, parseLinkingPolicy,
} from '../../src/account-linking/private/linking-contract';
import { log } from '../shared/log';

/**
 * Cognito waits 5 seconds for a trigger, then fails the sign-in: short
 * connection and request limits, and one retry, keep the calls inside that.
 */
const COGNITO_CLIENT_CONFIG = {
  maxAttempts: 2,
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
    cognito ??= new CognitoIdentityProviderClient(COGNITO_CLIENT_CONFIG);
    const verdict = judgeEvent(event, policy);
    if (!verdict.link) {
      log('account linking', { action: 'not linked', reason: verdict.reason, provider: verdict.providerName, triggerSource: event.triggerSource });
      return event;
    }
    const { identity, email } = verdict;
    const provider = identity.providerName;
    const natives = await nativeUsersWithEmail(cognito, event.userPoolId, email);
    if (natives.length > 1) {
      log('account linking', { action: 'refused', reason: 'more than one native user has the email', provider, candidates: natives.length });
      throw new Error(AMBIGUOUS_EMAIL_MESSAGE);
    }
    let username: string;
    if (natives.length === 1) {
      if (!natives[0].emailVerified) {
        // Whoever made that account never proved the address is theirs; linking would hand it to them.
        log('account linking', { action: 'not linked', reason: 'the native user has not verified the email', provider, userHash: hashed(natives[0].username) });
        return event;
      }
      username = natives[0].username;
    } else if (policy.createNativeUser) {
      username = await createNativeUser(cognito, event.userPoolId, email);
      log('account linking', { action: 'native user created', provider, userHash: hashed(username) });
    } else {
      log('account linking', { action: 'not linked', reason: 'no native user has the email', provider });
      return event;
    }
    await linkIdentity(cognito, event.userPoolId, username, identity);
    log('account linking', { action: 'linked', provider, userHash: hashed(username) });
    throw new Error(ACCOUNT_LINKED_MESSAGE);
  };
}

/** A user name as the log may carry it: not the name, but enough to match two lines about the same user. */
function hashed(username: string): string {
  return createHash('sha256').update(username).digest('hex').slice(0, 16);
}

export const handler = createPreSignUpHandler();
