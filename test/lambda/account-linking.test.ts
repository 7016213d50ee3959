import {
  AdminCreateUserCommand, AdminLinkProviderForUserCommand, CognitoIdentityProviderClient, ListUsersCommand, UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { identityOf, judgeEvent } from '../../lambda/account-linking/decision';
import { createPreSignUpHandler } from '../../lambda/account-linking/index';
import {
  ACCOUNT_LINKED_MESSAGE, AMBIGUOUS_EMAIL_MESSAGE, LINKING_POLICY_VARIABLE, LinkingPolicy, parseLinkingPolicy, renderLinkingPolicy,
} from '../../src/account-linking/private/linking-contract';

const POLICY: LinkingPolicy = { providers: { Google: 'verified-claim', Corp: 'trusted-provider' }, createNativeUser: false };
const POOL = 'eu-west-1_AbCdEf123';

function event(userName: string, attributes: Record<string, string>, triggerSource = 'PreSignUp_ExternalProvider'): PreSignUpTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: POOL,
    userName,
    triggerSource,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client1' },
    request: { userAttributes: attributes },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  } as PreSignUpTriggerEvent;
}

function nativeUser(username: string, emailVerified: boolean, status: UserType['UserStatus'] = 'CONFIRMED'): UserType {
  return { Username: username, UserStatus: status, Attributes: [{ Name: 'email', Value: 'ana@example.com' }, { Name: 'email_verified', Value: String(emailVerified) }] };
}

describe('judgeEvent: what the event alone decides', () => {
  test.each([
    ['a password sign-up', event('ana', { email: 'ana@example.com' }, 'PreSignUp_SignUp'), 'not a federated sign-up'],
    ['the trigger\'s own AdminCreateUser', event('ana', { email: 'ana@example.com' }, 'PreSignUp_AdminCreateUser'), 'not a federated sign-up'],
    ['a provider outside the policy', event('Facebook_1', { email: 'ana@example.com', email_verified: 'true' }), 'provider not linked by the policy'],
    ['no email', event('Google_1', { email_verified: 'true' }), 'the provider sent no email'],
    ['email_verified false', event('Google_1', { email: 'ana@example.com', email_verified: 'false' }), 'did not assert that the email is verified'],
    ['email_verified absent', event('Google_1', { email: 'ana@example.com' }), 'did not assert that the email is verified'],
    ['a quote in the email', event('Google_1', { email: 'a"b@example.com', email_verified: 'true' }), 'characters a user search cannot carry'],
  ])('%s: not linked', (_why, e, reason) => {
    const verdict = judgeEvent(e, POLICY);
    expect(verdict.link).toBe(false);
    expect(verdict.link === false && verdict.reason).toContain(reason);
  });

  test('Google asserting a verified email is linked on; a trusted provider needs no claim', () => {
    expect(judgeEvent(event('Google_1', { email: 'ana@example.com', email_verified: 'True' }), POLICY)).toEqual({
      link: true, email: 'ana@example.com', identity: { providerName: 'Google', subject: '1', trust: 'verified-claim' },
    });
    expect(judgeEvent(event('Corp_ana', { email: 'ana@corp.example' }), POLICY)).toMatchObject({
      link: true, identity: { providerName: 'Corp', subject: 'ana', trust: 'trusted-provider' },
    });
  });

  test('the provider part of the user name is matched without case, the configured spelling kept, the subject as is', () => {
    expect(identityOf('google_AbC_123', POLICY)).toEqual({ providerName: 'Google', subject: 'AbC_123', trust: 'verified-claim' });
    expect(identityOf('Googlex_1', POLICY)).toBeUndefined();
    expect(identityOf('Google_', POLICY)).toBeUndefined();
  });
});

describe('the trigger with a mocked Cognito', () => {
  const cognito = mockClient(CognitoIdentityProviderClient);
  let logs: string[];

  beforeEach(() => {
    cognito.reset();
    logs = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => {
      logs.push(line);
    });
  });

  afterEach(() => jest.restoreAllMocks());

  const handler = (policy: LinkingPolicy = POLICY) => createPreSignUpHandler({ cognito: new CognitoIdentityProviderClient({ region: 'eu-west-1' }), policy });
  const google = () => event('Google_1076915', { email: 'ana@example.com', email_verified: 'true', name: 'Ana Example' });

  test('one verified native user: links the Google identity to it, then fails the sign-up with the friendly message', async () => {
    // GIVEN
    cognito.on(ListUsersCommand).resolves({ Users: [nativeUser('uuid-ana', true)] });
    cognito.on(AdminLinkProviderForUserCommand).resolves({});

    // WHEN
    const outcome = handler()(google());

    // THEN
    await expect(outcome).rejects.toThrow(ACCOUNT_LINKED_MESSAGE);
    expect(cognito.commandCalls(ListUsersCommand)[0].args[0].input).toEqual({ UserPoolId: POOL, Filter: 'email = "ana@example.com"', Limit: 60 });
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)[0].args[0].input).toEqual({
      UserPoolId: POOL,
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'uuid-ana' },
      SourceUser: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '1076915' },
    });
    expect(logs.join('\n')).not.toMatch(/ana@example\.com|Ana Example|1076915|uuid-ana/);
  });

  test('federated users with the email are no link target; pages are followed', async () => {
    // GIVEN a federated user on the first page, the native one on the second
    cognito.on(ListUsersCommand, { PaginationToken: undefined }).resolves({
      Users: [nativeUser('Facebook_9', true, 'EXTERNAL_PROVIDER')], PaginationToken: 'next',
    });
    cognito.on(ListUsersCommand, { PaginationToken: 'next' }).resolves({ Users: [nativeUser('uuid-ana', true)] });
    cognito.on(AdminLinkProviderForUserCommand).resolves({});

    // WHEN / THEN
    await expect(handler()(google())).rejects.toThrow(ACCOUNT_LINKED_MESSAGE);
    expect(cognito.commandCalls(ListUsersCommand)).toHaveLength(2);
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)[0].args[0].input.DestinationUser?.ProviderAttributeValue).toBe('uuid-ana');
  });

  test('two native users with the email: refused, nothing linked', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [nativeUser('a', true), nativeUser('b', true)] });
    await expect(handler()(google())).rejects.toThrow(AMBIGUOUS_EMAIL_MESSAGE);
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(0);
  });

  test('a native user that has not verified the email: the sign-up goes on unlinked', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [nativeUser('a', false, 'UNCONFIRMED')] });
    const e = google();
    await expect(handler()(e)).resolves.toBe(e);
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(0);
  });

  test('no native user: unlinked by default; with createNativeUser one is created (email verified, no message) and linked', async () => {
    // GIVEN
    cognito.on(ListUsersCommand).resolves({ Users: [] });
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'uuid-new' } });
    cognito.on(AdminLinkProviderForUserCommand).resolves({});

    // WHEN / THEN: by default
    const e = google();
    await expect(handler()(e)).resolves.toBe(e);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);

    // WHEN / THEN: with createNativeUser
    await expect(handler({ ...POLICY, createNativeUser: true })(google())).rejects.toThrow(ACCOUNT_LINKED_MESSAGE);
    expect(cognito.commandCalls(AdminCreateUserCommand)[0].args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'ana@example.com',
      UserAttributes: [{ Name: 'email', Value: 'ana@example.com' }, { Name: 'email_verified', Value: 'true' }],
      MessageAction: 'SUPPRESS',
    });
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)[0].args[0].input.DestinationUser?.ProviderAttributeValue).toBe('uuid-new');
  });

  test('an event the policy does not link makes no call at all', async () => {
    const e = event('Google_1', { email: 'ana@example.com', email_verified: 'false' });
    await expect(handler()(e)).resolves.toBe(e);
    expect(cognito.calls()).toHaveLength(0);
  });

  test('a failing Cognito call fails the sign-up (the person can try again), it never links on a guess', async () => {
    cognito.on(ListUsersCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    await expect(handler()(google())).rejects.toThrow('Rate exceeded');
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(0);
  });
});

describe('the linking policy in the environment', () => {
  test('round-trips, and anything else is refused: the trigger fails closed', () => {
    expect(parseLinkingPolicy(renderLinkingPolicy(POLICY))).toEqual(POLICY);
    expect(() => parseLinkingPolicy(undefined)).toThrow(`${LINKING_POLICY_VARIABLE} is not set`);
    expect(() => parseLinkingPolicy('{')).toThrow('is not JSON');
    expect(() => parseLinkingPolicy('{"providers":{},"createNativeUser":false}')).toThrow('must name at least one provider');
    expect(() => parseLinkingPolicy('{"providers":{"Google":"maybe"},"createNativeUser":false}')).toThrow('providers.Google must be one of');
    expect(() => parseLinkingPolicy('{"providers":{"Google":"verified-claim"},"createNativeUser":false,"x":1}')).toThrow('unknown members x');
  });

  test('the deployed handler reads it at its first sign-up and refuses to run without it', async () => {
    const previous = process.env[LINKING_POLICY_VARIABLE];
    delete process.env[LINKING_POLICY_VARIABLE];
    try {
      await expect(createPreSignUpHandler({ cognito: new CognitoIdentityProviderClient({ region: 'eu-west-1' }) })(event('Google_1', {})))
        .rejects.toThrow('is not set');
    } finally {
      if (previous !== undefined) {
        process.env[LINKING_POLICY_VARIABLE] = previous;
      }
    }
  });
});
