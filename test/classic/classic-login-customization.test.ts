import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ClassicCss, ClassicLoginCustomization, ClassicLoginCustomizationProps, LogoImage } from '../../src';
import { jpeg, png, svg, writeTemp } from '../branding/images';
import { poolStack, propertiesOf, stagedBytes } from '../branding/stacks';

const CLASSIC = 'Custom::CognitoClassicLoginCustomization';
const CSS = '.submitButton-customizable { background-color: #ff9900; }\n.background-customizable { background-color: #fafafa; }\n';

function customize(props: Omit<ClassicLoginCustomizationProps, 'userPool'>): Stack {
  const { stack, pool } = poolStack();
  new ClassicLoginCustomization(stack, 'Classic', { userPool: pool, ...props });
  return stack;
}

describe('ClassicLoginCustomization', () => {
  test('CSS and logo for ALL clients travel together as staged files', () => {
    // GIVEN
    const { app, stack, pool } = poolStack();
    const logo = png(20_000, 4);

    // WHEN
    new ClassicLoginCustomization(stack, 'Classic', {
      userPool: pool,
      css: ClassicCss.fromString(CSS),
      logo: LogoImage.fromFile(writeTemp('logo.png', logo)),
    });

    // THEN
    const template = Template.fromStack(stack);
    const ref = { Bucket: Match.anyValue(), Key: Match.anyValue(), Hash: Match.stringLikeRegexp('^[0-9a-f]{64}$') };
    template.hasResourceProperties(CLASSIC, { UserPoolId: { Ref: Match.stringLikeRegexp('^Pool') }, ClientId: 'ALL', Css: ref, Logo: ref });
    const [props] = propertiesOf(template, CLASSIC);
    expect(stagedBytes(app, props.Css.Key).toString()).toBe(CSS);
    expect(stagedBytes(app, props.Logo.Key).equals(logo)).toBe(true);
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toContain('submitButton-customizable');
    expect(json).not.toContain(logo.toString('base64').slice(0, 64));
  });

  test('a per-client override names the client and waits for it', () => {
    // GIVEN
    const { stack, pool, client } = poolStack();

    // WHEN
    new ClassicLoginCustomization(stack, 'Classic', { userPool: pool, client, css: ClassicCss.fromFile(writeTemp('login.css', CSS)) });

    // THEN
    Template.fromStack(stack).hasResource(CLASSIC, {
      Properties: { ClientId: { Ref: Match.stringLikeRegexp('^PoolWeb') }, Css: Match.anyValue(), Logo: Match.absent() },
      // The Ref orders it after the client; a DependsOn besides would be redundant (cfn-lint W3005).
      DependsOn: Match.absent(),
    });
  });

  test('a JPEG logo alone is fine, whatever its name', () => {
    // WHEN
    const stack = customize({ logo: LogoImage.fromFile(writeTemp('logo.img', jpeg(5_000))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties(CLASSIC, { Css: Match.absent(), Logo: Match.objectLike({ Key: Match.stringLikeRegexp('\\.img$') }) });
  });

  test('shares the branding handler and grants SetUICustomization on the pool only', () => {
    // GIVEN
    const stack = new Stack(undefined, 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
    const pool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEf123');
    const client = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', '1example23456789');

    // WHEN
    new ClassicLoginCustomization(stack, 'All', { userPool: pool, css: ClassicCss.fromString(CSS) });
    new ClassicLoginCustomization(stack, 'One', { userPool: pool, client, css: ClassicCss.fromString(CSS) });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties(CLASSIC, { UserPoolId: 'eu-west-1_AbCdEf123', ClientId: '1example23456789' });
    const [role] = propertiesOf(template, 'AWS::IAM::Role');
    const statements: any[] = role.Policies[0].PolicyDocument.Statement;
    const cognitoStatement = statements.find((s) => [s.Action].flat().includes('cognito-idp:SetUICustomization'));
    expect(cognitoStatement.Resource).toHaveLength(1);
    expect(JSON.stringify(cognitoStatement.Resource)).toContain(':userpool/eu-west-1_AbCdEf123');
    // Both resources stage the same CSS: one object to read.
    const s3Statement = statements.find((s) => s.Action === 's3:GetObject');
    expect(s3Statement.Resource).toHaveLength(1);
  });

  test('CSS over the advised 3 KB is a warning, not an error', () => {
    // GIVEN
    const css = `.label-customizable {\n${'  color: #000000;\n'.repeat(200)}}\n`;

    // WHEN
    const stack = customize({ css: ClassicCss.fromString(css) });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Classic', Match.stringLikeRegexp('advises at most 3 KB'));
  });
});

describe('ClassicLoginCustomization refuses at synth what Cognito would refuse at deployment', () => {
  test('neither CSS nor logo', () => {
    // WHEN / THEN
    expect(() => customize({})).toThrow('Stack/Classic: css "undefined" is invalid: a CSS or a logo (or both)');
  });

  test('CSS outside the allowed subset, with the file, line and column', () => {
    // GIVEN
    const file = writeTemp('login.css', '.label-customizable {\n  color: red;\n}\n@media print { }\n');

    // WHEN / THEN
    expect(() => customize({ css: ClassicCss.fromFile(file) })).toThrow(
      `Stack/Classic: css "${file}" is invalid: CSS the classic hosted UI accepts; line 4, column 1: at-rules such as @media are not allowed`);
  });

  test('CSS given as a string is named by its text', () => {
    // WHEN / THEN
    expect(() => customize({ css: ClassicCss.fromString('.nav { color: red }') }))
      .toThrow('css ".nav { color: red }" is invalid: CSS the classic hosted UI accepts; line 1, column 1: selector ".nav" is not allowed');
  });

  test.each([
    ['an SVG', svg()],
    ['text', Buffer.from('not an image')],
  ])('a logo that is %s', (_, bytes) => {
    // GIVEN
    const file = writeTemp('logo.png', bytes);

    // WHEN / THEN
    expect(() => customize({ logo: LogoImage.fromFile(file) })).toThrow(new RegExp(`logo "${file}" is invalid: a PNG or JPEG image; the content is`));
  });

  test('a logo over 100 KB', () => {
    // GIVEN
    const file = writeTemp('logo.png', png(100 * 1024 + 1));

    // WHEN / THEN
    expect(() => customize({ logo: LogoImage.fromFile(file) }))
      .toThrow(new RegExp(`logo "${file}" is invalid: a logo of at most 100.0 KiB \\(102400 bytes\\); this one is 100.0 KiB \\(102401 bytes\\)`));
  });

  test('CSS and logo over the 135 KB request', () => {
    // GIVEN: a 95 KiB logo (about 127 KiB as base64) and 8 KiB of CSS
    const logo = LogoImage.fromFile(writeTemp('logo.png', png(95 * 1024)));
    const css = ClassicCss.fromString(`.label-customizable {\n${'  color: #000000;\n'.repeat(450)}}\n`);

    // WHEN / THEN
    expect(() => customize({ css, logo })).toThrow(/css ".* KiB .* of CSS with a 95.0 KiB .* logo" is invalid: CSS plus the base64 logo of at most 134.0 KiB/);
  });

  test('a missing CSS file', () => {
    // WHEN / THEN
    expect(() => customize({ css: ClassicCss.fromFile('/no/such/login.css') })).toThrow('css "/no/such/login.css" is invalid: a readable file (ENOENT)');
  });
});
