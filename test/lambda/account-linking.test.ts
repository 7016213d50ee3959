import {
  AdminCreateUserCommand, AdminLinkProviderForUserCommand, CognitoIdentityProviderClient, ListUsersCommand, UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { identityOf, judgeEvent } from '../../lambda/account-linking/decision';
import { createPreSignUpHandler } from '../../lambda/account-linking/index';
import {
  ACCOUNT_LINKED_MESSAGE, AMBIGUOUS_EMAIL_MESSAGE, IDP_EMAIL_VERIFIED_ATTRIBUTE, LINKING_FAILED_MESSAGE, LINKING_POLICY_VARIABLE, LinkingPolicy,
  parseLinkingPolicy, renderLinkingPolicy,
} from '../../src/account-linking/private/linking-contract';

/** Where a linking login's mapping puts the provider's own verification claim. */
const CLAIM = IDP_EMAIL_VERIFIED_ATTRIBUTE;
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

function nativeUser(username: string, emailVerified: boolean, status: UserType['UserStatus'] = 'CONFIRMED', enabled = true): UserType {
  return {
    Username: username,
    UserStatus: status,
    Enabled: enabled,
    Attributes: [{ Name: 'email', Value: 'ana@example.com' }, { Name: 'email_verified', Value: String(emailVerified) }],
  };
}

describe('judgeEvent: what the event alone decides', () => {
  test.each([
    ['a password sign-up', event('ana', { email: 'ana@example.com' }, 'PreSignUp_SignUp'), 'not a federated sign-up'],
    ['the trigger\'s own AdminCreateUser', event('ana', { email: 'ana@example.com' }, 'PreSignUp_AdminCreateUser'), 'not a federated sign-up'],
    ['a provider outside the policy', event('Facebook_1', { email: 'ana@example.com', [CLAIM]: 'true' }), 'provider not linked by the policy'],
    ['no email', event('Google_1', { [CLAIM]: 'true' }), 'the provider sent no email'],
    ['the claim false', event('Google_1', { email: 'ana@example.com', [CLAIM]: 'false' }), 'did not assert that the email is verified'],
    ['the claim absent', event('Google_1', { email: 'ana@example.com' }), 'did not assert that the email is verified'],
    // a linking login maps no provider into the pool's email_verified; whatever fills it is not the provider's claim
    ['email_verified true but not the claim', event('Google_1', { email: 'ana@example.com', email_verified: 'true' }),
      'did not assert that the email is verified'],
    ['a quote in the email', event('Google_1', { email: 'a"b@example.com', [CLAIM]: 'true' }), 'characters a user search cannot carry'],
  ])('%s: not linked', (_why, e, reason) => {
    const verdict = judgeEvent(e, POLICY);
    expect(verdict.link).toBe(false);
    expect(verdict.link === false && verdict.reason).toContain(reason);
  });

  test('Google asserting a verified email is linked on; a trusted provider needs no claim', () => {
    expect(judgeEvent(event('Google_1', { email: 'ana@example.com', [CLAIM]: 'True' }), POLICY)).toEqual({
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
  const google = () => event('Google_1076915', { email: 'ana@example.com', [CLAIM]: 'true', name: 'Ana Example' });

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
    const e = event('Google_1', { email: 'ana@example.com', [CLAIM]: 'false' });
    await expect(handler()(e)).resolves.toBe(e);
    expect(cognito.calls()).toHaveLength(0);
  });

  test.each<[string, UserType]>([
    ['disabled by an administrator', nativeUser('uuid-ana', true, 'CONFIRMED', false)],
    ['UNCONFIRMED, its email marked verified by an administrator', nativeUser('uuid-ana', true, 'UNCONFIRMED')],
    ['COMPROMISED', nativeUser('uuid-ana', true, 'COMPROMISED')],
    ['without Enabled in the answer', { ...nativeUser('uuid-ana', true), Enabled: undefined }],
  ])('a native user %s is never a link target: the sign-up goes on unlinked', async (_why, native) => {
    // GIVEN the one native user with the email, verified, but not one that may receive a sign-in
    cognito.on(ListUsersCommand).resolves({ Users: [native] });
    cognito.on(AdminLinkProviderForUserCommand).resolves({});
    const e = google();

    // WHEN
    const outcome = handler()(e);

    // THEN
    await expect(outcome).resolves.toBe(e);
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(0);
    expect(logs.join('\n')).toMatch(/"action":"not linked","reason":"the native user (is disabled|has not confirmed its sign-up)"/);
  });

  test.each([
    ['ListUsers', 'TooManyRequestsException', 'Rate exceeded'],
    ['AdminLinkProviderForUser', 'InvalidParameterException', 'Merging is not currently supported, provide a SourceUser which has not been used to sign in.'],
    ['AdminCreateUser', 'UsernameExistsException', 'An account with the given email already exists.'],
  ])('%s failing (%s): the app gets the generic message, the log the operation and the error\'s name, nothing is linked on a guess', async (operation, name, text) => {
    // GIVEN every call succeeds but one
    cognito.on(ListUsersCommand).resolves({ Users: operation === 'AdminLinkProviderForUser' ? [nativeUser('uuid-ana', true)] : [] });
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'uuid-new' } });
    cognito.on(AdminLinkProviderForUserCommand).resolves({});
    const commands = {
      ListUsers: ListUsersCommand, AdminLinkProviderForUser: AdminLinkProviderForUserCommand, AdminCreateUser: AdminCreateUserCommand,
    };
    const failing = commands[operation as keyof typeof commands];
    cognito.on(failing as typeof ListUsersCommand).rejects(Object.assign(new Error(text), { name }));

    // WHEN
    const outcome = handler({ ...POLICY, createNativeUser: true })(google());

    // THEN the sign-up is refused with words of the library's, never Cognito's
    const error = await outcome.then(() => undefined, (e: Error) => e);
    expect(error?.message).toBe(LINKING_FAILED_MESSAGE);
    expect(logs.some((line) => line.includes(`"action":"failed","operation":"${operation}","provider":"Google","errorName":"${name}"`))).toBe(true);
    expect(logs.join('\n')).not.toContain(text);
    if (operation !== 'AdminLinkProviderForUser') {
      expect(cognito.commandCalls(AdminLinkProviderForUserCommand)).toHaveLength(0);
    }
  });

  test('a link that worked ends as AccountLinked, without a stack: told apart from a failure in the runtime\'s Invoke Error line and in the log', async () => {
    // GIVEN
    cognito.on(ListUsersCommand).resolves({ Users: [nativeUser('uuid-ana', true)] });
    cognito.on(AdminLinkProviderForUserCommand).resolves({});

    // WHEN
    const error = await handler()(google()).then(() => undefined, (e: Error) => e);

    // THEN
    expect(error).toMatchObject({ name: 'AccountLinked', message: ACCOUNT_LINKED_MESSAGE, stack: `AccountLinked: ${ACCOUNT_LINKED_MESSAGE}` });
    expect(logs.filter((line) => line.includes('"action":"failed"'))).toEqual([]);
    expect(logs.some((line) => line.includes('"action":"linked"'))).toBe(true);
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
