import * as path from 'path';
import {
  AdminCreateUserCommand, AdminDisableProviderForUserCommand, AdminDisableUserCommand, AdminLinkProviderForUserCommand, ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SecretValue } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AccountLinking, CognitoLogin, LoginDomain, LoginProvider } from '../../src';
import { LINKING_FAILED_MESSAGE, LINKING_POLICY_VARIABLE, LinkingPolicy, renderLinkingPolicy } from '../../src/account-linking/private/linking-contract';
import { PreSignUpTrigger, SignInRoute, StandIn, UNAUTHORIZED_ATTRIBUTE } from '../../standin';
import { SimulatedFunction } from '../../standin/runner/simulated-function';
import { sdkClients } from '../../standin/services/sdk-clients';
import { rejectionOf } from '../../standin/test/standin-fixture';
import { testStack } from '../util/stack';

/**
 * Account linking end to end: people sign up and sign in against the
 * stand-in's Cognito, and every first federated sign-in runs the pre sign-up
 * trigger as shipped (assets/account-linking/index.js, which `npm test`
 * bundles before jest runs) on the Lambda runtime's Node.js, in a process of
 * its own, talking to the stand-in over HTTP with the real SDK. Each trigger
 * made is one cold start.
 */
const BUNDLE = path.join(__dirname, '..', '..', 'assets', 'account-linking', 'index.js');
const GOOGLE_POLICY: LinkingPolicy = { providers: { Google: 'verified-claim', Corp: 'trusted-provider' }, createNativeUser: false };

/**
 * How sign-ins come in, as a linking login synthesizes them: Google with its
 * default mapping and a SAML provider the app vouches for, offered by one
 * client of the login. Every Google and Corp sign-in below goes through that
 * client with those mappings, so the stand-in refuses it, as Cognito would,
 * if the mapping fills an attribute the client may not write.
 */
const ROUTES = synthesizedRoutes();

function synthesizedRoutes(): { readonly google: SignInRoute; readonly corp: SignInRoute } {
  const stack = testStack();
  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-test'),
    identityProviders: [
      LoginProvider.google({ clientId: 'g.apps.googleusercontent.com', clientSecret: SecretValue.secretsManager('google') }),
      LoginProvider.saml({
        name: 'Corp',
        metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.corp.example/metadata.xml'),
        attributeMapping: { email: cognito.ProviderAttribute.other('mail') },
      }),
    ],
    accountLinking: AccountLinking.byVerifiedEmail({ trustedEmailProviders: ['Corp'] }),
  });
  login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
  const template = Template.fromStack(stack);
  const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
  const mapping = (name: string) => Object.values(template.findResources('AWS::Cognito::UserPoolIdentityProvider'))
    .find((p) => p.Properties.ProviderName === name)!.Properties.AttributeMapping;
  expect(client.Properties.SupportedIdentityProviders).toEqual(expect.arrayContaining(['Google', 'Corp']));
  return {
    google: { attributeMapping: mapping('Google'), writeAttributes: client.Properties.WriteAttributes },
    corp: { attributeMapping: mapping('Corp'), writeAttributes: client.Properties.WriteAttributes },
  };
}

let standIn: StandIn;
let poolId: string;
let logs: string[];
let functions: SimulatedFunction[];

beforeEach(async () => {
  standIn = await StandIn.start();
  poolId = standIn.createUserPool().id;
  logs = [];
  functions = [];
});

afterEach(async () => {
  await Promise.all(functions.map((fn) => fn.close()));
  await standIn.stop();
});

/** The bundled trigger, a new function with the policy in its environment (timeout and memory as linking-trigger.ts declares). */
function bundledTrigger(policy: LinkingPolicy): PreSignUpTrigger {
  const fn = new SimulatedFunction({
    codeDir: path.dirname(BUNDLE),
    handler: 'index.handler',
    functionName: 'AccountLinking',
    timeoutSeconds: 5,
    memorySize: 256,
    region: standIn.region,
    variables: { [LINKING_POLICY_VARIABLE]: renderLinkingPolicy(policy) },
  }, standIn.endpoint, logs);
  functions.push(fn);
  return (event) => fn.invoke(event);
}

/** A sign-in with Google, whose ID token carries `email` and `email_verified`, through the login's client. */
function googleSignIn(subject: string, email: string, emailVerified: string | undefined, trigger: PreSignUpTrigger) {
  return standIn.users.federatedSignIn(poolId, 'Google', subject, {
    email, ...(emailVerified === undefined ? {} : { email_verified: emailVerified }),
  }, trigger, ROUTES.google);
}

/** A sign-in through the SAML provider Corp, whose assertions carry the address as `mail`, through the login's client. */
function corpSignIn(subject: string, mail: string, trigger: PreSignUpTrigger) {
  return standIn.users.federatedSignIn(poolId, 'Corp', subject, { mail }, trigger, ROUTES.corp);
}

function user(username: string) {
  return standIn.cognito.pool(poolId).users.get(username);
}

function operations(): string[] {
  return standIn.calls.filter((c) => c.service === 'cognito-idp').map((c) => `${c.operation} ${c.outcome}`);
}

test('native then Google: the Google identity is linked to the native user, the first sign-in says so, the next one is the native user', async () => {
  // GIVEN a person who signed up with email and confirmed it
  const native = standIn.users.signUpNative(poolId, 'ana@example.com', { verified: true });
  const trigger = bundledTrigger(GOOGLE_POLICY);

  // WHEN they sign in with Google for the first time, then again
  const first = await googleSignIn('10769150350006150715113082367', 'ana@example.com', 'true', trigger);
  const second = await googleSignIn('10769150350006150715113082367', 'ana@example.com', 'true', trigger);

  // THEN the first fails with the trigger's friendly message (Cognito refuses that sign-up either way), the second is the native user
  expect(first).toEqual({ signedIn: false, error: expect.stringMatching(/^PreSignUp failed with error ACCOUNT_LINKED: /) });
  expect(second).toEqual({ signedIn: true, username: native, linked: true });
  expect(user(native)!.identities).toEqual([{ providerName: 'Google', subject: '10769150350006150715113082367' }]);
  expect(user('Google_10769150350006150715113082367')).toBeUndefined();
  expect(operations()).toEqual(['ListUsers ok', 'AdminLinkProviderForUser ok']);
  // Nothing of the person in the trigger's log: no email, no subject
  expect(logs.join('\n')).not.toMatch(/ana@example\.com|10769150350006150715113082367/);
  expect(logs.some((line) => line.includes('"action":"linked"'))).toBe(true);
});

test('a native user whose email is not verified is not linked: the Google user is an account of its own', async () => {
  // GIVEN someone signed up with the address but never confirmed it
  const native = standIn.users.signUpNative(poolId, 'bo@example.com', { verified: false });

  // WHEN the address's owner signs in with Google
  const outcome = await googleSignIn('2001', 'bo@example.com', 'true', bundledTrigger(GOOGLE_POLICY));

  // THEN no link: the unconfirmed account cannot take over the Google identity
  expect(outcome).toEqual({ signedIn: true, username: 'Google_2001', linked: false });
  expect(user(native)!.identities).toEqual([]);
  expect(operations()).toEqual(['ListUsers ok']);
});

test('a native user an administrator disabled is not linked: the Google identity does not get into the closed account', async () => {
  // GIVEN a confirmed, verified native user that an administrator disabled
  const native = standIn.users.signUpNative(poolId, 'al@example.com', { verified: true });
  const clients = sdkClients(standIn);
  await clients.cognito.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: native }));

  // WHEN someone signs in with Google with that verified address
  const outcome = await googleSignIn('1501', 'al@example.com', 'true', bundledTrigger(GOOGLE_POLICY));

  // THEN no link: the disabled account stays closed
  expect(outcome).toEqual({ signedIn: true, username: 'Google_1501', linked: false });
  expect(user(native)!.identities).toEqual([]);
  expect(operations()).toEqual(['AdminDisableUser ok', 'ListUsers ok']);
  expect(logs.some((line) => line.includes('"reason":"the native user is disabled"'))).toBe(true);
  destroy(clients);
});

test('a sign-up never confirmed is not linked, even with an email an administrator marked verified', async () => {
  // GIVEN
  const native = standIn.users.signUpNative(poolId, 'bea@example.com', { verified: true, confirmed: false });

  // WHEN
  const outcome = await googleSignIn('1601', 'bea@example.com', 'true', bundledTrigger(GOOGLE_POLICY));

  // THEN
  expect(user(native)!.status).toBe('UNCONFIRMED');
  expect(outcome).toEqual({ signedIn: true, username: 'Google_1601', linked: false });
  expect(user(native)!.identities).toEqual([]);
});

test('a Cognito call that keeps failing refuses the sign-up with the generic message, never Cognito\'s own words', async () => {
  // GIVEN a native user, and ListUsers throttled on both of the trigger's attempts
  standIn.users.signUpNative(poolId, 'cal@example.com', { verified: true });
  standIn.faults.inject({ kind: 'throttle', operation: 'ListUsers', count: 2 });

  // WHEN
  const outcome = await googleSignIn('1701', 'cal@example.com', 'true', bundledTrigger(GOOGLE_POLICY));

  // THEN the app's callback gets the library's words; the log names the operation and the error
  expect(outcome).toEqual({ signedIn: false, error: `PreSignUp failed with error ${LINKING_FAILED_MESSAGE}.` });
  expect(operations()).toEqual(['ListUsers TooManyRequestsException', 'ListUsers TooManyRequestsException']);
  expect(logs.some((line) => line.includes('"action":"failed","operation":"ListUsers","provider":"Google","errorName":"TooManyRequestsException"'))).toBe(true);
  expect(user('Google_1701')).toBeUndefined();
});

test('Google not asserting a verified email is not linked, and no call is made', async () => {
  // GIVEN
  const native = standIn.users.signUpNative(poolId, 'cy@example.com', { verified: true });

  // WHEN email_verified is false, then absent
  const unverified = await googleSignIn('3001', 'cy@example.com', 'false', bundledTrigger(GOOGLE_POLICY));
  const silent = await googleSignIn('3002', 'cy@example.com', undefined, bundledTrigger(GOOGLE_POLICY));

  // THEN
  expect(unverified).toEqual({ signedIn: true, username: 'Google_3001', linked: false });
  expect(silent).toEqual({ signedIn: true, username: 'Google_3002', linked: false });
  expect(user(native)!.identities).toEqual([]);
  expect(operations()).toEqual([]);
});

test('two native users with one email: the sign-up is refused with a clear message and nothing is linked', async () => {
  // GIVEN (a pool that allowed it once, e.g. before email became the sign-in attribute)
  standIn.users.signUpNative(poolId, 'di@example.com', { verified: true });
  standIn.users.signUpNative(poolId, 'di@example.com', { verified: true });

  // WHEN
  const outcome = await googleSignIn('4001', 'di@example.com', 'true', bundledTrigger(GOOGLE_POLICY));

  // THEN
  expect(outcome).toEqual({ signedIn: false, error: expect.stringContaining('ACCOUNT_LINKING_AMBIGUOUS: more than one account uses this email') });
  expect([...standIn.cognito.pool(poolId).users.values()].every((u) => u.identities.length === 0)).toBe(true);
  expect(user('Google_4001')).toBeUndefined();
  expect(operations()).toEqual(['ListUsers ok']);
});

test('a provider the policy does not trust is not linked, whatever its email says', async () => {
  // GIVEN a native user, and a SAML provider "Partner" that the app did not declare trusted
  const native = standIn.users.signUpNative(poolId, 'ed@example.com', { verified: true });

  // WHEN someone signs in through Partner claiming the native user's email
  const outcome = await standIn.users.federatedSignIn(poolId, 'Partner', 'ed', { email: 'ed@example.com' }, bundledTrigger(GOOGLE_POLICY));

  // THEN
  expect(outcome).toEqual({ signedIn: true, username: 'Partner_ed', linked: false });
  expect(user(native)!.identities).toEqual([]);
  expect(operations()).toEqual([]);
});

test('a trusted SAML provider is linked on its email alone', async () => {
  // GIVEN
  const native = standIn.users.signUpNative(poolId, 'fay@corp.example', { verified: true });

  // WHEN
  const first = await corpSignIn('fay', 'fay@corp.example', bundledTrigger(GOOGLE_POLICY));
  const second = await corpSignIn('fay', 'fay@corp.example', bundledTrigger(GOOGLE_POLICY));

  // THEN
  expect(first.signedIn).toBe(false);
  expect(second).toEqual({ signedIn: true, username: native, linked: true });
});

test('createNativeUser: with no native user, one is created with the verified email and the Google identity linked to it', async () => {
  // GIVEN
  const trigger = bundledTrigger({ ...GOOGLE_POLICY, createNativeUser: true });

  // WHEN
  const first = await googleSignIn('5001', 'gus@example.com', 'true', trigger);
  const second = await googleSignIn('5001', 'gus@example.com', 'true', trigger);

  // THEN one native user with the email, verified, carrying the Google identity; the person signs in as it
  const natives = [...standIn.cognito.pool(poolId).users.values()].filter((u) => u.status !== 'EXTERNAL_PROVIDER');
  expect(natives).toHaveLength(1);
  expect(natives[0].attributes.get('email')).toBe('gus@example.com');
  expect(natives[0].attributes.get('email_verified')).toBe('true');
  expect(natives[0].identities).toEqual([{ providerName: 'Google', subject: '5001' }]);
  expect(first).toEqual({ signedIn: false, error: expect.stringContaining('ACCOUNT_LINKED') });
  expect(second).toEqual({ signedIn: true, username: natives[0].username, linked: true });
  expect(operations()).toEqual(['ListUsers ok', 'AdminCreateUser ok', 'AdminLinkProviderForUser ok']);
  expect(logs.join('\n')).not.toContain('gus@example.com');
});

test('without createNativeUser and no native user, the Google user is made as usual', async () => {
  // WHEN
  const outcome = await googleSignIn('6001', 'hal@example.com', 'true', bundledTrigger(GOOGLE_POLICY));

  // THEN
  expect(outcome).toEqual({ signedIn: true, username: 'Google_6001', linked: false });
  expect(operations()).toEqual(['ListUsers ok']);
});

test('a link is undone with AdminDisableProviderForUser: the next sign-in makes an account of its own', async () => {
  // GIVEN a linked Google identity
  const native = standIn.users.signUpNative(poolId, 'ida@example.com', { verified: true });
  await googleSignIn('7001', 'ida@example.com', 'true', bundledTrigger(GOOGLE_POLICY));
  const clients = sdkClients(standIn);

  // WHEN the link is removed, and the person signs in with Google without the trigger
  await clients.cognito.send(new AdminDisableProviderForUserCommand({
    UserPoolId: poolId, User: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '7001' },
  }));
  const outcome = await googleSignIn('7001', 'ida@example.com', 'true', async (event) => event);

  // THEN
  expect(user(native)!.identities).toEqual([]);
  expect(outcome).toEqual({ signedIn: true, username: 'Google_7001', linked: false });
  destroy(clients);
});

test('a sign-in whose mapping fills an attribute the client may not write is refused with Cognito\'s error, before the trigger runs', async () => {
  // GIVEN Google mapping its claim into the pool's email_verified, as a login without linking does, on a client that may write only email
  const route: SignInRoute = { attributeMapping: { email: 'email', email_verified: 'email_verified' }, writeAttributes: ['email'] };
  let triggered = false;

  // WHEN someone signs in through it, and through a client with no WriteAttributes (every standard attribute)
  const refused = await standIn.users.federatedSignIn(poolId, 'Google', '8001', { email: 'jo@example.com', email_verified: 'true' }, async (event) => {
    triggered = true;
    return event;
  }, route);
  const allowed = await standIn.users.federatedSignIn(poolId, 'Google', '8002', { email: 'jo@example.com', email_verified: 'true' }, async (event) => event,
    { attributeMapping: route.attributeMapping });

  // THEN
  expect(refused).toEqual({ signedIn: false, error: UNAUTHORIZED_ATTRIBUTE });
  expect(triggered).toBe(false);
  expect(user('Google_8001')).toBeUndefined();
  expect(allowed).toEqual({ signedIn: true, username: 'Google_8002', linked: false });
  expect(user('Google_8002')!.attributes.get('email_verified')).toBe('true');
});

test('the login as synthesized: Google\'s claim reaches the trigger in custom:idp_email_verified, and the pool\'s email_verified stays unset', async () => {
  // GIVEN no native user with the address
  // WHEN a first sign-in with Google through the login's client
  const outcome = await googleSignIn('8101', 'kim@example.com', 'true', bundledTrigger(GOOGLE_POLICY));

  // THEN the client could write what Google maps: the sign-in went through, the trigger looked the address up
  expect(outcome).toEqual({ signedIn: true, username: 'Google_8101', linked: false });
  expect(user('Google_8101')!.attributes.get('custom:idp_email_verified')).toBe('true');
  expect(user('Google_8101')!.attributes.has('email_verified')).toBe(false);
  expect(operations()).toEqual(['ListUsers ok']);
});

test('a native user who set custom:idp_email_verified on their own unverified account is still no link target', async () => {
  // GIVEN an unverified native sign-up whose owner wrote the custom attribute through a client that may
  const native = standIn.users.signUpNative(poolId, 'lu@example.com', { verified: false });
  user(native)!.attributes.set('custom:idp_email_verified', 'true');

  // WHEN the address's owner signs in with Google
  const outcome = await googleSignIn('8201', 'lu@example.com', 'true', bundledTrigger(GOOGLE_POLICY));

  // THEN a native user's email counts only by the pool's email_verified
  expect(outcome).toEqual({ signedIn: true, username: 'Google_8201', linked: false });
  expect(user(native)!.identities).toEqual([]);
});

function destroy(clients: ReturnType<typeof sdkClients>): void {
  clients.cognito.destroy();
  clients.ssm.destroy();
  clients.s3.destroy();
}

describe('the user operations are checked against botocore\'s model and carry Cognito\'s semantics', () => {
  test('ListUsers: Limit over 60 and a filter outside the grammar are refused; email = "..." finds exactly that email, a page at a time', async () => {
    // GIVEN
    const clients = sdkClients(standIn);
    for (let i = 0; i < 3; i++) {
      standIn.users.signUpNative(poolId, 'same@example.com', { verified: true });
    }
    standIn.users.signUpNative(poolId, 'other@example.com', { verified: true });

    // WHEN
    const tooMany = await rejectionOf(clients.cognito.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 61 })));
    const badFilter = await rejectionOf(clients.cognito.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'custom:x = "1"' })));
    const page1 = await clients.cognito.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'email = "same@example.com"', Limit: 2 }));
    const page2 = await clients.cognito.send(new ListUsersCommand({
      UserPoolId: poolId, Filter: 'email = "same@example.com"', Limit: 2, PaginationToken: page1.PaginationToken,
    }));

    // THEN
    expect(tooMany).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining("Value '61' at 'limit' failed to satisfy constraint") });
    expect(badFilter).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('Invalid search filter') });
    expect(page1.Users).toHaveLength(2);
    expect(page2.Users).toHaveLength(1);
    expect(page2.PaginationToken).toBeUndefined();
    expect([...page1.Users!, ...page2.Users!].every((u) => u.Attributes!.some((a) => a.Name === 'email' && a.Value === 'same@example.com'))).toBe(true);
    destroy(clients);
  });

  test('AdminCreateUser: an empty user name fails the model; a second user with the email is UsernameExistsException', async () => {
    // GIVEN
    const clients = sdkClients(standIn);
    standIn.users.signUpNative(poolId, 'taken@example.com', { verified: true });

    // WHEN
    const empty = await rejectionOf(clients.cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: '' })));
    const taken = await rejectionOf(clients.cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'taken@example.com', MessageAction: 'SUPPRESS' })));
    const created = await clients.cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'new@example.com', MessageAction: 'SUPPRESS' }));

    // THEN
    expect(empty).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining("at 'username' failed to satisfy constraint") });
    expect(taken).toMatchObject({ name: 'UsernameExistsException' });
    expect(created.User).toMatchObject({ UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(created.User!.Username).not.toBe('new@example.com');
    destroy(clients);
  });

  test('AdminLinkProviderForUser: a missing destination, a source that already signed in, and a second link of one identity are refused', async () => {
    // GIVEN a native user, and a Google identity that already signed in on its own
    const clients = sdkClients(standIn);
    const native = standIn.users.signUpNative(poolId, 'jo@example.com', { verified: true });
    await googleSignIn('8001', 'jo@example.com', 'true', async (event) => event);
    const link = (destination: string, subject: string) => clients.cognito.send(new AdminLinkProviderForUserCommand({
      UserPoolId: poolId,
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: destination },
      SourceUser: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: subject },
    }));

    // WHEN
    const missingSource = await rejectionOf(clients.cognito.send(new AdminLinkProviderForUserCommand({
      UserPoolId: poolId, DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: native },
    } as never)));
    const noDestination = await rejectionOf(link('nobody', '8002'));
    const signedInBefore = await rejectionOf(link(native, '8001'));
    await link(native, '8003');
    const twice = await rejectionOf(link(native, '8003'));

    // THEN
    expect(missingSource).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining("at 'sourceUser' failed to satisfy constraint: Member must not be null") });
    expect(noDestination).toMatchObject({ name: 'UserNotFoundException' });
    expect(signedInBefore).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('Merging is not currently supported') });
    expect(twice).toMatchObject({ name: 'InvalidParameterException' });
    expect(user(native)!.identities).toEqual([{ providerName: 'Google', subject: '8003' }]);
    destroy(clients);
  });

  test('AdminDisableUser: an unknown user is refused; a disabled user signs in by no identity, linked or its own', async () => {
    // GIVEN a native user with a linked Google identity, and a federated user of its own
    const clients = sdkClients(standIn);
    const native = standIn.users.signUpNative(poolId, 'lee@example.com', { verified: true });
    await googleSignIn('9101', 'lee@example.com', 'true', bundledTrigger(GOOGLE_POLICY));
    await googleSignIn('9102', 'other@example.com', 'true', async (event) => event);

    // WHEN both are disabled
    const unknown = await rejectionOf(clients.cognito.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'nobody' })));
    await clients.cognito.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: native }));
    await clients.cognito.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'Google_9102' }));

    // THEN
    expect(unknown).toMatchObject({ name: 'UserNotFoundException' });
    expect(await googleSignIn('9101', 'lee@example.com', 'true', bundledTrigger(GOOGLE_POLICY))).toEqual({ signedIn: false, error: 'User is disabled.' });
    expect(await googleSignIn('9102', 'other@example.com', 'true', async (event) => event)).toEqual({ signedIn: false, error: 'User is disabled.' });
    destroy(clients);
  });

  test('AdminDisableProviderForUser: an identity linked to nobody is refused; a native user is disabled', async () => {
    // GIVEN
    const clients = sdkClients(standIn);
    const native = standIn.users.signUpNative(poolId, 'kim@example.com', { verified: true });

    // WHEN
    const notLinked = await rejectionOf(clients.cognito.send(new AdminDisableProviderForUserCommand({
      UserPoolId: poolId, User: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '9001' },
    })));
    await clients.cognito.send(new AdminDisableProviderForUserCommand({ UserPoolId: poolId, User: { ProviderName: 'Cognito', ProviderAttributeValue: native } }));

    // THEN
    expect(notLinked).toMatchObject({ name: 'InvalidParameterException' });
    expect(user(native)!.enabled).toBe(false);
    destroy(clients);
  });
});
