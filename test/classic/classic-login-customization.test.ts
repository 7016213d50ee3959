import { readFileSync } from 'fs';
import * as path from 'path';
import { Annotations as cdkAnnotations, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ClassicCss, ClassicLoginCustomization, ClassicLoginCustomizationProps, LogoImage } from '../../src';
import { ValidationError } from '../../src/private/validate';
import { jpeg, png, svg, writeTemp } from '../../standin/sample-images';
import { poolStack, propertiesOf, stagedBytes } from '../branding/stacks';

const CLASSIC = 'Custom::CognitoClassicLoginCustomization';
const CSS = '.submitButton-customizable { background-color: #ff9900; }\n.background-customizable { background-color: #fafafa; }\n';

/** The ValidationError a step throws. */
function errorOf(step: () => unknown): ValidationError {
  try {
    step();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

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
      // The Ref orders it after the client (a DependsOn on it would be redundant, cfn-lint W3005);
      // it waits only for its pool's grant, so a clean-up Delete runs before the grant goes.
      DependsOn: [Match.stringLikeRegexp('^CdkCognitoLoginHandlerCustomResourceProviderPolicyPool')],
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
    // Cognito is granted per pool, in a policy of its own attached to the role; S3 in the role's policy.
    const statements: any[] = [
      ...role.Policies.flatMap((p: any) => p.PolicyDocument.Statement),
      ...propertiesOf(template, 'AWS::IAM::Policy').flatMap((p) => p.PolicyDocument.Statement),
    ];
    const cognitoStatements = statements.filter((s) => [s.Action].flat().includes('cognito-idp:SetUICustomization'));
    expect(cognitoStatements).toHaveLength(1);
    expect(JSON.stringify(cognitoStatements[0].Resource)).toContain(':userpool/eu-west-1_AbCdEf123');
    // Classic's own actions only (Get: a failed create reads what it puts back): nothing of managed login where no style is declared
    expect(cognitoStatements[0].Action).toEqual(['cognito-idp:SetUICustomization', 'cognito-idp:GetUICustomization']);
    // Both resources stage to the stack's asset bucket: its objects, once.
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

describe('ClassicLoginCustomization takes what Cognito takes, and warns of what it ignores', () => {
  /** The ignored-CSS warnings of the stack's Classic construct, as the texts cdk synth prints. */
  function warningsOf(stack: Stack): string[] {
    return Annotations.fromStack(stack).findWarning('/Stack/Classic', Match.stringLikeRegexp('classicCssIgnored')).map((w) => String(w.entry.data));
  }

  test('a deployed stack\'s stylesheet synthesizes, with one warning listing its 11 ignored declarations by line and column', () => {
    // GIVEN: the shape of a public stack's stylesheet, which the library refused 11 times before
    const file = path.join(__dirname, 'fixtures', 'deployed-stack.css');

    // WHEN
    const stack = customize({ css: ClassicCss.fromFile(file) });

    // THEN: staged as is, and one warning naming the file, a line per declaration in the text's order
    Template.fromStack(stack).resourceCountIs(CLASSIC, 1);
    const warnings = warningsOf(stack);
    expect(warnings).toHaveLength(1);
    const lines = warnings[0].split('\n');
    expect(lines[0]).toMatch(new RegExp(`^The CSS ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has 11 declarations Cognito takes but does not apply: `
      + 'the developer guide lists the properties each class applies \\(https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html\\)'));
    expect(lines.slice(1, 12)).toEqual([
      '  line 23, column 3: Cognito does not apply "font-size" to .label-customizable; it applies font-weight, color',
      expect.stringMatching(/^ {2}line 38, column 3: Cognito does not apply "border-radius" to \.inputField-customizable; /),
      expect.stringMatching(/^ {2}line 39, column 3: Cognito does not apply "font-size" to \.inputField-customizable; /),
      expect.stringMatching(/^ {2}line 49, column 3: Cognito does not apply "border-color" to \.submitButton-customizable; /),
      expect.stringMatching(/^ {2}line 50, column 3: Cognito does not apply "border-radius" to \.submitButton-customizable; /),
      '  line 58, column 3: Cognito does not apply "border-color" to .submitButton-customizable:hover; it applies color, background-color',
      expect.stringMatching(/^ {2}line 65, column 3: Cognito does not apply "background-color" to \.errorMessage-customizable; /),
      expect.stringMatching(/^ {2}line 70, column 3: Cognito does not apply "border" to \.idpButton-customizable; /),
      expect.stringMatching(/^ {2}line 71, column 3: Cognito does not apply "border-radius" to \.idpButton-customizable; /),
      expect.stringMatching(/^ {2}line 73, column 3: Cognito does not apply "font-size" to \.idpButton-customizable; /),
      expect.stringMatching(/^ {2}line 74, column 3: Cognito does not apply "font-weight" to \.idpButton-customizable; /),
    ]);
    expect(warnings[0]).toContain('[ack: cdk-cognito-login:classicCssIgnored]');
  });

  test('Cognito\'s own template synthesizes, warning of its social button\'s border-radius and padding', () => {
    // GIVEN: every class of the template GetUICustomization returns, given as text
    const css = readFileSync(path.join(__dirname, 'fixtures', 'cognito-template.css'), 'utf8');

    // WHEN
    const stack = customize({ css: ClassicCss.fromString(css) });

    // THEN
    const warnings = warningsOf(stack);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^The CSS has 2 declarations Cognito takes but does not apply: /);
    expect(warnings[0]).toContain('\n  line 97, column 3: Cognito does not apply "border-radius" to .socialButton-customizable; '
      + 'it applies height, text-align, width, margin-bottom\n  line 100, column 3: Cognito does not apply "padding" to .socialButton-customizable;');
  });

  test('CSS of listed properties only gives no warning', () => {
    // WHEN
    const stack = customize({ css: ClassicCss.fromString(CSS) });

    // THEN
    expect(warningsOf(stack)).toEqual([]);
  });

  test('the warning can be acknowledged by its id', () => {
    // GIVEN
    const { stack, pool } = poolStack();
    const customization = new ClassicLoginCustomization(stack, 'Classic', {
      userPool: pool, css: ClassicCss.fromString('.label-customizable { font-size: 12px }'),
    });

    // WHEN
    cdkAnnotations.of(customization).acknowledgeWarning('cdk-cognito-login:classicCssIgnored');

    // THEN
    expect(warningsOf(stack)).toEqual([]);
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

describe('ClassicLoginCustomization reports every violation of its input in one error', () => {
  test('every CSS violation with line, column and the allowed list, and the logo\'s', () => {
    // GIVEN: two CSS problems and a logo that is neither PNG nor JPEG
    const css = ClassicCss.fromString('@import url("x.css");\n.label-customizable {\n  font-size: 12px;\n}\n.nav { color: red }\n');
    const logoFile = writeTemp('logo.png', svg());

    // WHEN
    const error = errorOf(() => customize({ css, logo: LogoImage.fromFile(logoFile) }));

    // THEN: the first line names the construct and the count, then one line per violation
    expect(error.message.split('\n')).toEqual([
      'Stack/Classic: 3 invalid values',
      expect.stringMatching(/^ {2}- css "@import url\("x\.css"\);\\n.*" is invalid: CSS the classic hosted UI accepts; line 1, column 1: at-rules such as @import are not allowed/),
      expect.stringMatching(/^ {2}- css ".*" is invalid: CSS the classic hosted UI accepts; line 5, column 1: selector "\.nav" is not allowed; allowed: /),
      `  - logo "${logoFile}" is invalid: a PNG or JPEG image; the content is SVG`,
    ]);
    expect(error.violations.map((v) => v.prop)).toEqual(['css', 'css', 'logo']);
  });

  test('a logo that is neither PNG/JPEG nor small enough is refused for both reasons', () => {
    // GIVEN
    const file = writeTemp('logo.gif', Buffer.alloc(100 * 1024 + 1, 0x47));

    // WHEN
    const error = errorOf(() => customize({ logo: LogoImage.fromFile(file) }));

    // THEN
    expect(error.violations.map((v) => v.allowed)).toEqual([
      'a PNG or JPEG image; the content is not an image Cognito knows',
      'a logo of at most 100.0 KiB (102400 bytes); this one is 100.0 KiB (102401 bytes)',
    ]);
  });

  test.each([
    ['CSS that breaks the rules', { css: ClassicCss.fromString('.nav { color: red }') }],
    ['CSS and logo over the 135 KB request', {
      css: ClassicCss.fromString(`.label-customizable {\n${'  color: #000000;\n'.repeat(450)}}\n`),
      logo: LogoImage.fromFile(writeTemp('logo.png', png(95 * 1024))),
    }],
  ])('%s: nothing is left behind, and the client can still be styled', (_, props) => {
    // GIVEN
    const { stack, pool } = poolStack();

    // WHEN
    expect(() => new ClassicLoginCustomization(stack, 'Broken', { userPool: pool, ...props })).toThrow(/Stack\/Broken: css/);

    // THEN: no staged file, no resource, no claim on the pool's ALL slot
    expect(stack.node.findChild('Broken').node.children).toEqual([]);
    expect(() => new ClassicLoginCustomization(stack, 'Fixed', { userPool: pool, css: ClassicCss.fromString(CSS) })).not.toThrow();
    Template.fromStack(stack).resourceCountIs(CLASSIC, 1);
  });
});

describe('classic CSS length', () => {
  /** A valid rule repeated to exactly `length` characters. */
  function cssOfLength(length: number): string {
    const head = '.label-customizable {\n';
    const tail = '}\n';
    const line = '  color: #000000;\n';
    const lines = line.repeat(Math.floor((length - head.length - tail.length) / line.length));
    return head + lines + ' '.repeat(length - head.length - tail.length - lines.length) + tail;
  }

  test('131,072 characters, the model\'s CSSType maximum, pass', () => {
    // GIVEN
    const css = cssOfLength(131_072);

    // WHEN / THEN
    expect(css).toHaveLength(131_072);
    expect(() => customize({ css: ClassicCss.fromString(css) })).not.toThrow();
  });

  test('131,073 characters are refused with the limit and the length', () => {
    // GIVEN
    const file = writeTemp('long.css', cssOfLength(131_073));

    // WHEN / THEN
    expect(() => customize({ css: ClassicCss.fromFile(file) })).toThrow(
      `Stack/Classic: css "${file}" is invalid: CSS of at most 131,072 characters (SetUICustomization's limit); this one is 131,073 characters`);
  });
});

describe('LogoImage.fromBase64', () => {
  test('a PNG given as base64 is staged as a content-addressed file, never put in the template', () => {
    // GIVEN
    const { app, stack, pool } = poolStack();
    const logo = png(20_000, 9);

    // WHEN
    new ClassicLoginCustomization(stack, 'Classic', { userPool: pool, logo: LogoImage.fromBase64(logo.toString('base64')) });

    // THEN
    const template = Template.fromStack(stack);
    const [props] = propertiesOf(template, CLASSIC);
    expect(props.Logo.Key).toMatch(/\.png$/);
    expect(stagedBytes(app, props.Logo.Key).equals(logo)).toBe(true);
    expect(JSON.stringify(template.toJSON())).not.toContain(logo.toString('base64').slice(0, 64));
  });

  test('a JPEG keeps its type, and the same bytes twice stage the same file', () => {
    // GIVEN
    const { stack, pool, client } = poolStack();
    const logo = jpeg(5_000).toString('base64');

    // WHEN
    new ClassicLoginCustomization(stack, 'All', { userPool: pool, logo: LogoImage.fromBase64(logo) });
    new ClassicLoginCustomization(stack, 'One', { userPool: pool, client, logo: LogoImage.fromBase64(logo) });

    // THEN
    const [all, one] = propertiesOf(Template.fromStack(stack), CLASSIC);
    expect(all.Logo.Key).toMatch(/\.jpg$/);
    expect(one.Logo).toEqual(all.Logo);
  });

  test.each([
    ['line breaks', `${png().toString('base64').slice(0, 76)}\n${png().toString('base64').slice(76)}`, /character 77 is "\\n"/],
    ['the URL-safe alphabet', png().toString('base64url'), /character \d+ is "[-_]"/],
    ['a data: prefix', `data:image/png;base64,${png().toString('base64')}`, /character 5 is ":"/],
    ['a missing pad', png(256).toString('base64').replace(/=+$/, ''), /the length, \d+, is not a multiple of 4/],
    ['nothing', '', /of at least one byte/],
  ])('refuses base64 with %s, naming the prop and what is allowed', (_, data, reason) => {
    // WHEN / THEN
    expect(() => customize({ logo: LogoImage.fromBase64(data) }))
      .toThrow(/^Stack\/Classic: logo "base64 data, \d+ characters" is invalid: strict base64 \(RFC 4648 section 4: A-Z, a-z, 0-9, "\+" and "\/"/);
    expect(() => customize({ logo: LogoImage.fromBase64(data) })).toThrow(reason);
  });

  test('the same checks as a file: an SVG is refused', () => {
    // WHEN / THEN
    expect(() => customize({ logo: LogoImage.fromBase64(svg().toString('base64')) }))
      .toThrow(/logo "base64 data, \d+ characters" is invalid: a PNG or JPEG image; the content is SVG/);
  });
});
