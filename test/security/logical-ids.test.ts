import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CognitoLogin, LoginDomain } from '../../src';
import { examplesOnThisCdk } from '../util/compat';
import { testStack } from '../util/stack';

/**
 * A changed logical id makes CloudFormation create a new resource and delete
 * the old one: a new user pool (every user gone, or orphaned by Retain), new
 * client ids, a domain deleted and created again. These lists are written by
 * hand, not snapshotted: a refactor that moves a construct fails here and
 * must be a decision, not an accident.
 */
const PINNED_TYPES = /^(AWS::Cognito::|Custom::Cognito|AWS::IAM::Policy$)/;

/**
 * Each pool's permissions of the handler role, named after the pool: a new
 * logical id would make CloudFormation create a second policy and delete the
 * first in clean-up, harmless but noisy; pinned so it stays a decision.
 */
const LOGIN_POOL_POLICY = 'CdkCognitoLoginHandlerCustomResourceProviderPolicyLoginUserPoolD111ED0C';
const POOL_POLICY = 'CdkCognitoLoginHandlerCustomResourceProviderPolicyPoolB7EE1EB7';

const EXPECTED: Record<string, Record<string, string[]>> = {
  'prefix-google-saml': {
    'AWS::Cognito::UserPool': ['LoginUserPoolA0E1D865'],
    'AWS::Cognito::UserPoolDomain': ['LoginDomainC59F1893'],
    'AWS::Cognito::UserPoolIdentityProvider': ['LoginProviderCorp50B4B3D0', 'LoginProviderGoogle4133791A'],
    'AWS::Cognito::UserPoolResourceServer': ['LoginResourceServerapi5D669255'],
    'AWS::Cognito::UserPoolClient': ['LoginServer21629E8A', 'LoginWeb70313B00'],
    'Custom::CognitoManagedLoginBranding': ['LoginServerBrandingBABE0A33', 'LoginWebBranding315920DB'],
    'AWS::IAM::Policy': [LOGIN_POOL_POLICY],
  },
  'custom-domain': {
    'AWS::Cognito::UserPool': ['LoginUserPoolA0E1D865'],
    'AWS::Cognito::UserPoolDomain': ['LoginDomainC59F1893'],
    'AWS::Cognito::UserPoolClient': ['LoginWeb70313B00'],
    'Custom::CognitoManagedLoginBranding': ['LoginWebBranding315920DB'],
    'AWS::IAM::Policy': [LOGIN_POOL_POLICY],
  },
  'managed-login-branding': {
    'AWS::Cognito::UserPool': ['PoolD3F588B8'],
    'AWS::Cognito::UserPoolDomain': ['PoolDomainCFC71F56'],
    'AWS::Cognito::UserPoolClient': ['PoolAdminCEDDCE2B', 'PoolWeb224A1DFF'],
    'Custom::CognitoManagedLoginBranding': ['AdminBranding46BD0E35', 'WebBrandingF5D5CEFF'],
    'AWS::IAM::Policy': [POOL_POLICY],
  },
  'branded-login': {
    'AWS::Cognito::UserPool': ['LoginUserPoolA0E1D865'],
    'AWS::Cognito::UserPoolDomain': ['LoginDomainC59F1893'],
    'AWS::Cognito::UserPoolClient': ['LoginPartner589D4B4A', 'LoginWeb70313B00'],
    'Custom::CognitoManagedLoginBranding': ['LoginPartnerBrandingF766BD6D', 'LoginWebBranding315920DB'],
    'AWS::IAM::Policy': [LOGIN_POOL_POLICY],
  },
  'classic-pages': {
    'AWS::Cognito::UserPool': ['PoolD3F588B8'],
    'AWS::Cognito::UserPoolDomain': ['PoolDomainCFC71F56'],
    'AWS::Cognito::UserPoolClient': ['PoolPartnerAE7DBF6E', 'PoolWeb224A1DFF'],
    'Custom::CognitoClassicLoginCustomization': ['AllClients5F81CF50', 'PartnerClient45BB4B56'],
    'AWS::IAM::Policy': [POOL_POLICY],
  },
  'exported-style': {
    'AWS::Cognito::UserPool': ['PoolD3F588B8'],
    'AWS::Cognito::UserPoolDomain': ['PoolDomainCFC71F56'],
    'AWS::Cognito::UserPoolClient': ['PoolWeb224A1DFF'],
    'Custom::CognitoManagedLoginBranding': ['BrandingCEB9B000'],
    'AWS::IAM::Policy': [POOL_POLICY],
  },
  'passkeys-and-terms': {
    'AWS::Cognito::UserPool': ['LoginUserPoolA0E1D865'],
    'AWS::Cognito::UserPoolDomain': ['LoginDomainC59F1893'],
    'AWS::Cognito::UserPoolClient': ['LoginMobile3D6CB06A', 'LoginPartner589D4B4A', 'LoginShop882CF397'],
    // Two documents per client, named after the client (<clientId>Terms/TermsOfUse, .../PrivacyPolicy).
    'AWS::Cognito::Terms': [
      'LoginMobileTermsPrivacyPolicyECE8D6CA', 'LoginMobileTermsTermsOfUseAA897307',
      'LoginPartnerTermsPrivacyPolicy026C999E', 'LoginPartnerTermsTermsOfUseA5CFE480',
      'LoginShopTermsPrivacyPolicy61D4BF6C', 'LoginShopTermsTermsOfUse440F43FE',
    ],
    'Custom::CognitoManagedLoginBranding': ['LoginMobileBrandingAA0CD900', 'LoginPartnerBrandingF766BD6D', 'LoginShopBranding218503CE'],
    'AWS::IAM::Policy': [LOGIN_POOL_POLICY],
  },
  'account-linking': {
    'AWS::Cognito::UserPool': ['LoginUserPoolA0E1D865'],
    'AWS::Cognito::UserPoolDomain': ['LoginDomainC59F1893'],
    'AWS::Cognito::UserPoolIdentityProvider': ['LoginProviderCorp50B4B3D0', 'LoginProviderGoogle4133791A', 'LoginProviderSignInWithApple31ED64AD'],
    'AWS::Cognito::UserPoolClient': ['LoginWeb70313B00'],
    'Custom::CognitoManagedLoginBranding': ['LoginWebBranding315920DB'],
    // The handler's policy on the pool, and the linking trigger's: its policy on the pool and its logs policy.
    'AWS::IAM::Policy': [LOGIN_POOL_POLICY, 'LoginAccountLinkingPoolPolicyEB862FFF', 'LoginAccountLinkingRoleDefaultPolicy0DC2EC75'],
  },
  'api-clients': {
    'AWS::Cognito::UserPool': ['LoginUserPoolA0E1D865'],
    'AWS::Cognito::UserPoolDomain': ['LoginDomainC59F1893'],
    'AWS::Cognito::UserPoolResourceServer': ['LoginResourceServerordersA20C3E83'],
    // The partner's client is the app's own (login.userPool.addClient), under the pool.
    'AWS::Cognito::UserPoolClient': ['LoginMobile3D6CB06A', 'LoginReports96291731', 'LoginUserPoolPartner83E77C6B', 'LoginWeb70313B00'],
    // Only the web client has pages to style: the mobile, reports and partner clients have none.
    'Custom::CognitoManagedLoginBranding': ['LoginWebBranding315920DB'],
    'AWS::IAM::Policy': [LOGIN_POOL_POLICY],
  },
  'replica': {
    'AWS::Cognito::UserPool': ['LoginUserPoolA0E1D865'],
    'AWS::Cognito::UserPoolDomain': ['LoginDomainC59F1893'],
    'AWS::Cognito::UserPoolIdentityProvider': ['LoginProviderGoogle4133791A'],
    'AWS::Cognito::UserPoolClient': ['LoginWeb70313B00'],
    'Custom::CognitoManagedLoginBranding': ['LoginWebBranding315920DB'],
    'AWS::Cognito::UserPoolReplica': ['LoginReplica12638CC9'],
    // In the replica Region's stack: its settings, and the linking trigger's policies there.
    'AWS::Cognito::UserPoolRegionalConfigurationAttachment': ['Replica-Login-Replica/RegionalConfiguration'],
    'AWS::IAM::Policy': [LOGIN_POOL_POLICY, 'LoginAccountLinkingPoolPolicyEB862FFF', 'LoginAccountLinkingRoleDefaultPolicy0DC2EC75',
      'Replica-Login-Replica/AccountLinkingPoolPolicyB48F8606', 'Replica-Login-Replica/AccountLinkingRoleDefaultPolicy51F32EE3'],
  },

  'mcp-server-login': {
    'AWS::Cognito::UserPool': ['LoginUserPoolA0E1D865'],
    'AWS::Cognito::UserPoolDomain': ['LoginDomainC59F1893'],
    'AWS::Cognito::UserPoolResourceServer': ['LoginResourceServerhttpsmcpacmeexamplecomE511CDB7'],
    'AWS::Cognito::UserPoolClient': ['LoginRegistrar11EE8424'],
    'Custom::CognitoClassicLoginCustomization': ['LoginClassicCustomization2C37541E'],
    'Custom::CognitoClientRegistration': ['LoginClientRegistration78F7165B'],
    'AWS::IAM::Policy': [LOGIN_POOL_POLICY],
  },
};

/**
 * The stack's custom-resource Lambda. Every page style names it in its
 * ServiceToken, which CloudFormation does not let a custom resource change
 * ("Updates aren't supported"): a new logical id for the handler would fail
 * the next deployment of every stack that has a style.
 */
const HANDLER_LOGICAL_ID = 'CdkCognitoLoginHandlerCustomResourceProviderHandler4B2892E4';

type Resources = Record<string, { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string; Properties?: any }>;

function resourcesOf(stack: Stack): Resources {
  return Template.fromStack(stack).toJSON().Resources;
}

/** Logical ids of the pinned types, by type, sorted. */
function pinnedIds(resources: Resources): Record<string, string[]> {
  const byType: Record<string, string[]> = {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (PINNED_TYPES.test(resource.Type)) {
      (byType[resource.Type] ??= []).push(logicalId);
    }
  }
  Object.values(byType).forEach((ids) => ids.sort());
  return byType;
}

function userPools(resources: Resources) {
  return Object.values(resources).filter((r) => r.Type === 'AWS::Cognito::UserPool');
}

describe.each(examplesOnThisCdk())('example %s', (name, example) => {
  test('keeps the logical ids of its pool, clients, domain, providers and page styles', () => {
    // GIVEN
    const stacks = example.createApp().node.children.filter(Stack.isStack);

    // WHEN
    // Every stack of the app (a replica adds stacks of its own), each id once per stack as `<stack>/<id>` for the other stacks.
    const actual = pinnedIds(Object.assign({}, ...stacks.map((stack, index) => Object.fromEntries(Object.entries(resourcesOf(stack))
      .map(([id, resource]) => [index === 0 ? id : `${stack.stackName}/${id}`, resource])))));

    // THEN
    expect(EXPECTED[name]).toBeDefined();
    expect(actual).toEqual(EXPECTED[name]);
  });

  test('sends every page style to the same, pinned handler', () => {
    // GIVEN
    const stacks = example.createApp().node.children.filter(Stack.isStack);

    // WHEN
    const styles = stacks.flatMap((stack) => Object.values(resourcesOf(stack)))
      .filter((resource) => resource.Type.startsWith('Custom::Cognito'));

    // THEN
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) {
      expect(style.Properties?.ServiceToken).toEqual({ 'Fn::GetAtt': [HANDLER_LOGICAL_ID, 'Arn'] });
    }
  });

  test('retains its user pool and protects it from deletion', () => {
    // WHEN
    const pools = example.createApp().node.children.filter(Stack.isStack).flatMap((stack) => userPools(resourcesOf(stack)));

    // THEN
    expect(pools).toHaveLength(1);
    for (const pool of pools) {
      expect(pool).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { DeletionProtection: 'ACTIVE' } });
    }
  });
});

describe('a CognitoLogin pool', () => {
  const poolOf = (stack: Stack) => userPools(resourcesOf(stack))[0];

  test('stays retained and protected when userPoolProps overrides other members, or gives them as undefined', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-safety'),
      userPoolProps: { userPoolName: 'acme', removalPolicy: undefined, deletionProtection: undefined },
    });

    // THEN
    expect(poolOf(stack)).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { DeletionProtection: 'ACTIVE' } });
  });

  test('loses deletion protection only when the user opts out explicitly, and stays retained', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-safety'),
      userPoolProps: { deletionProtection: false },
    });

    // THEN
    expect(poolOf(stack)).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { DeletionProtection: 'INACTIVE' } });
  });

  // RemovalPolicy.DESTROY (deleted with the stack, protection off) is covered by test/login.test.ts.
});
