import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { poolStack, propertiesOf, stagedBytes } from './stacks';
import { BrandingAsset, BrandingCategory, BrandingColorMode, BrandingSettings, ManagedLoginBranding } from '../../src';
import { ico, png, svg, writeTemp } from '../../standin/sample-images';

const BRANDING = 'Custom::CognitoManagedLoginBranding';

function logo(file: string, category = BrandingCategory.PAGE_HEADER_LOGO, colorMode = BrandingColorMode.LIGHT) {
  return BrandingAsset.fromFile(file, { category, colorMode });
}

/**
 * The statements that grant `action`: in the handler role's own policy (logs,
 * S3) or in the per-pool policies attached to it (Cognito, SSM claims).
 */
function statementsFor(template: Template, action: string): any[] {
  const [role] = propertiesOf(template, 'AWS::IAM::Role');
  const statements: any[] = [
    ...role.Policies.flatMap((p: any) => p.PolicyDocument.Statement),
    ...propertiesOf(template, 'AWS::IAM::Policy').flatMap((p) => p.PolicyDocument.Statement),
  ];
  return statements.filter((s) => [s.Action].flat().includes(action));
}

/** The one statement that grants `action`. */
function statementFor(template: Template, action: string): any {
  const matching = statementsFor(template, action);
  expect(matching).toHaveLength(1);
  return matching[0];
}

describe('ManagedLoginBranding', () => {
  test('without settings or assets it asks for Cognito\'s defaults and waits for the client', () => {
    // GIVEN
    const { stack, pool, client } = poolStack();

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResource(BRANDING, {
      Properties: {
        UserPoolId: { Ref: Match.stringLikeRegexp('^Pool') },
        ClientId: { Ref: Match.stringLikeRegexp('^PoolWeb') },
        UseCognitoProvidedValues: 'true',
        Settings: Match.absent(),
        Assets: Match.absent(),
      },
      // The Ref orders it after the client (a DependsOn on it would be redundant, cfn-lint W3005);
      // it waits only for its pool's grant, so a clean-up Delete runs before the grant goes.
      DependsOn: [Match.stringLikeRegexp('^CdkCognitoLoginHandlerCustomResourceProviderPolicyPool')],
    });
  });

  test('settings and assets travel as bucket, key and hash, never as bytes', () => {
    // GIVEN
    const { app, stack, pool, client } = poolStack();
    const image = png(30_000, 7);
    const favicon = ico(2_000);

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', {
      userPool: pool,
      client,
      settings: BrandingSettings.fromOptions({ lightMode: { pageBackground: '#102030' } }),
      assets: [
        logo(writeTemp('logo.png', image)),
        BrandingAsset.fromFile(writeTemp('favicon.ico', favicon), {
          category: BrandingCategory.FAVICON_ICO, colorMode: BrandingColorMode.DYNAMIC,
        }),
        BrandingAsset.fromFile(writeTemp('google.svg', svg()), {
          category: BrandingCategory.IDP_BUTTON_ICON, colorMode: BrandingColorMode.LIGHT, resourceId: 'Google',
        }),
      ],
    });

    // THEN
    const template = Template.fromStack(stack);
    const ref = { Bucket: Match.anyValue(), Key: Match.anyValue(), Hash: Match.stringLikeRegexp('^[0-9a-f]{64}$') };
    template.hasResourceProperties(BRANDING, {
      UseCognitoProvidedValues: 'false',
      Settings: ref,
      Assets: [
        { ...ref, Category: 'PAGE_HEADER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', ResourceId: Match.absent() },
        { ...ref, Category: 'FAVICON_ICO', ColorMode: 'DYNAMIC', Extension: 'ICO' },
        { ...ref, Category: 'IDP_BUTTON_ICON', ColorMode: 'LIGHT', Extension: 'SVG', ResourceId: 'Google' },
      ],
    });
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toContain(image.toString('base64').slice(0, 64));
    expect(json).not.toContain(favicon.toString('base64').slice(0, 64));
    expect(json).not.toContain('<svg');
    expect(json.length).toBeLessThan(10_000);
    // The staged objects hold exactly the bytes given.
    const [props] = propertiesOf(template, BRANDING);
    expect(stagedBytes(app, props.Assets[0].Key).equals(image)).toBe(true);
    expect(JSON.parse(stagedBytes(app, props.Settings.Key).toString()).components.pageBackground.lightMode.color).toBe('102030ff');
  });

  test('assets without settings are sent with Cognito\'s default Settings document', () => {
    // GIVEN
    const { app, stack, pool, client } = poolStack();

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, assets: [logo(writeTemp('logo.png', png()))] });

    // THEN
    const [props] = propertiesOf(Template.fromStack(stack), BRANDING);
    expect(props.UseCognitoProvidedValues).toBe('false');
    const document = JSON.parse(stagedBytes(app, props.Settings.Key).toString());
    expect(Object.keys(document).sort()).toEqual(['categories', 'componentClasses', 'components']);
    expect(document.components.primaryButton.lightMode.defaults.backgroundColor).toBe('0972d3ff');
  });

  test('one Lambda serves five branded clients', () => {
    // GIVEN
    const { stack, pool } = poolStack();
    const file = writeTemp('logo.png', png());

    // WHEN
    for (let i = 0; i < 5; i++) {
      new ManagedLoginBranding(stack, `Branding${i}`, { userPool: pool, client: pool.addClient(`Client${i}`), assets: [logo(file)] });
    }

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs(BRANDING, 5);
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Timeout: 300, MemorySize: 256 });
  });

  test('three 400 KB images keep the template under 20 KB', () => {
    // GIVEN
    const { stack, pool, client } = poolStack();
    const categories = [BrandingCategory.PAGE_BACKGROUND, BrandingCategory.FORM_BACKGROUND, BrandingCategory.PAGE_HEADER_BACKGROUND];

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', {
      userPool: pool,
      client,
      assets: categories.map((category, i) => logo(writeTemp(`big${i}.png`, png(400 * 1024, i)), category)),
    });

    // THEN
    const json = JSON.stringify(Template.fromStack(stack).toJSON());
    expect(json.length).toBeLessThan(20 * 1024);
  });

  test('a changed file changes the Hash, an unchanged one keeps it', () => {
    // GIVEN
    const hashOf = (bytes: Buffer) => {
      const { stack, pool, client } = poolStack();
      new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, assets: [logo(writeTemp('logo.png', bytes))] });
      return propertiesOf(Template.fromStack(stack), BRANDING)[0].Assets[0].Hash;
    };

    // WHEN
    const first = hashOf(png(500, 1));
    const same = hashOf(png(500, 1));
    const changed = hashOf(png(500, 2));

    // THEN
    expect(same).toBe(first);
    expect(changed).not.toBe(first);
  });

  test('the handler may touch the pool and the staged objects, each listed once, nothing wider', () => {
    // GIVEN
    const { stack, pool } = poolStack();
    const shared = writeTemp('logo.png', png(500, 1));
    const other = writeTemp('other.png', png(500, 2));

    // WHEN: three styles on one pool, two sharing the same logo
    new ManagedLoginBranding(stack, 'A', { userPool: pool, client: pool.addClient('A'), assets: [logo(shared)] });
    new ManagedLoginBranding(stack, 'B', { userPool: pool, client: pool.addClient('B'), assets: [logo(shared)] });
    new ManagedLoginBranding(stack, 'C', { userPool: pool, client: pool.addClient('C'), assets: [logo(other)] });

    // THEN
    const template = Template.fromStack(stack);
    const cognitoStatement = statementFor(template, 'cognito-idp:UpdateManagedLoginBranding');
    const poolId = stack.getLogicalId(pool.node.defaultChild as cognito.CfnUserPool);
    expect(cognitoStatement.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
    // Only managed login's actions: the pool has no classic customization, so no SetUICustomization
    expect(cognitoStatement.Action).toEqual([
      'cognito-idp:CreateManagedLoginBranding', 'cognito-idp:UpdateManagedLoginBranding',
      'cognito-idp:DeleteManagedLoginBranding', 'cognito-idp:DescribeManagedLoginBrandingByClient',
    ]);
    const s3Statement = statementFor(template, 's3:GetObject');
    // Every file is staged to the stack's one asset bucket: its objects, once (an earlier owner's files, staged by
    // another stack, must be readable too: src/private/staging.ts).
    const buckets = propertiesOf(template, BRANDING).flatMap((p) => [p.Settings.Bucket, ...p.Assets.map((a: any) => a.Bucket)]);
    expect(new Set(buckets).size).toBe(1);
    expect(s3Statement.Resource).toHaveLength(1);
    for (const resource of s3Statement.Resource) {
      const arn = resource['Fn::Join'][1].map((part: any) => (typeof part === 'string' ? part : '<partition>')).join('');
      expect(arn).toBe(`arn:<partition>:s3:::${buckets[0]}/*`);
      expect(arn).toMatch(/^arn:<partition>:s3:::cdk-[a-z0-9]+-assets-123456789012-eu-west-1\/\*$/);
    }
    expect(JSON.stringify(template.toJSON())).not.toMatch(/"Resource":\s*"\*"/);
  });

  test('styles on two pools list both pools\' ARNs, and only theirs', () => {
    // GIVEN
    const { stack, pool, client } = poolStack();
    const otherPool = new cognito.UserPool(stack, 'OtherPool');

    // WHEN
    new ManagedLoginBranding(stack, 'A', { userPool: pool, client });
    new ManagedLoginBranding(stack, 'B', { userPool: otherPool, client: otherPool.addClient('Web') });
    new ManagedLoginBranding(stack, 'C', { userPool: otherPool, client: otherPool.addClient('Admin') });

    // THEN
    const statements = statementsFor(Template.fromStack(stack), 'cognito-idp:DeleteManagedLoginBranding');
    const arnOf = (p: cognito.UserPool) => ({ 'Fn::GetAtt': [stack.getLogicalId(p.node.defaultChild as cognito.CfnUserPool), 'Arn'] });
    // One grant per pool, each naming only its pool
    expect(statements.map((s) => s.Resource)).toEqual([arnOf(pool), arnOf(otherPool)]);
  });

  test('a stack with many distinct files stays within the role policy limit: the role reads their bucket, not each file', () => {
    // GIVEN three clients, each with 40 different identity provider icons: 121 files (before, the role named each and IAM refused it)
    const { app, stack, pool } = poolStack();
    const icons = (client: number) => Array.from({ length: 40 }, (_, i) => BrandingAsset.fromFile(
      writeTemp(`icon${i}.png`, png(64, client * 100 + i)),
      { category: BrandingCategory.IDP_BUTTON_ICON, colorMode: BrandingColorMode.LIGHT, resourceId: `idp${i}` },
    ));

    // WHEN
    for (const client of [1, 2, 3]) {
      new ManagedLoginBranding(stack, `Style${client}`, { userPool: pool, client: pool.addClient(`Client${client}`), assets: icons(client) });
    }

    // THEN
    expect(() => app.synth()).not.toThrow();
    expect(statementFor(Template.fromStack(stack), 's3:GetObject').Resource).toHaveLength(1);
  });

  test('Cognito\'s defaults need no S3 permission at all', () => {
    // GIVEN
    const { stack, pool, client } = poolStack();

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client });

    // THEN
    expect(statementsFor(Template.fromStack(stack), 's3:GetObject')).toEqual([]);
  });

  test('an imported pool and client work, and brandingId is the resource\'s attribute', () => {
    // GIVEN
    const stack = new Stack(undefined, 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
    const pool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEf123');
    const client = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', '1example23456789');

    // WHEN
    const branding = new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, assets: [logo(writeTemp('logo.png', png()))] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties(BRANDING, { UserPoolId: 'eu-west-1_AbCdEf123', ClientId: '1example23456789' });
    const statement = statementFor(template, 'cognito-idp:CreateManagedLoginBranding');
    expect(JSON.stringify(statement.Resource)).toContain(':cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123');
    expect(stack.resolve(branding.brandingId)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Branding/), 'ManagedLoginBrandingId'] });
  });
});
