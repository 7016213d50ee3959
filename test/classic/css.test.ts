import { readFileSync } from 'fs';
import * as path from 'path';
import { appliedClassicCss, checkClassicCss, CLASSIC_CSS_RULES, CssError } from '../../src/classic/private/css-rules';

/** Where and why checkClassicCss refuses the CSS, as `line:column reason`. */
function problemsOf(css: string): string[] {
  return checkClassicCss(css).refused.map((e) => `${e.position.line}:${e.position.column} ${e.reason}`);
}

/** Where and what of the CSS Cognito ignores, as `line:column reason`. */
function ignoredOf(css: string): string[] {
  return checkClassicCss(css).ignored.map((e) => `${e.position.line}:${e.position.column} ${e.reason}`);
}

/** A stylesheet of test/classic/fixtures. */
function fixture(name: string): string {
  return readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

describe('checkClassicCss', () => {
  test('accepts every allowed class with its allowed properties', () => {
    // GIVEN: a rule per allowed selector setting every allowed property
    const css = Object.entries(CLASSIC_CSS_RULES)
      .map(([selector, properties]) => `${selector} {\n${properties.map((p) => `  ${p}: 10px;`).join('\n')}\n}`)
      .join('\n\n');

    // WHEN / THEN
    expect(checkClassicCss(css)).toEqual({ refused: [], ignored: [] });
  });

  test('accepts comments, selector lists, quoted strings, functions and a missing last semicolon', () => {
    // GIVEN
    const css = `/* brand colors */
.submitButton-customizable:hover, .idpButton-customizable:hover {
  color: rgb(255, 255, 255);
  background-color: #ff9900 /* orange */
}
.errorMessage-customizable { background: url("data:image/png;base64,AAAA") no-repeat; border: 1px solid red !important }`;

    // WHEN / THEN
    expect(checkClassicCss(css)).toEqual({ refused: [], ignored: [] });
  });

  test.each([
    ['@import url("x.css");', 1, 1, 'at-rules such as @import are not allowed'],
    ['.label-customizable { color: red }\n@media (max-width: 600px) { }', 2, 1, 'at-rules such as @media are not allowed'],
    ['@supports (display: grid) {}', 1, 1, '@supports'],
    ['@page { margin: 0 }', 1, 1, '@page'],
    ['.foo-customizable { color: red }', 1, 1, 'selector ".foo-customizable" is not allowed'],
    ['.label-customizable:hover { color: red }', 1, 1, 'selector ".label-customizable:hover" is not allowed'],
    ['div { color: red }', 1, 1, 'expected a selector'],
    ['.errorMessage-customizable { background: url(javascript:alert(1)) }', 1, 42, 'contains a javascript: URL'],
    ['.errorMessage-customizable { background: URL( "JavaScript:x" ) }', 1, 42, 'contains a javascript: URL'],
    ['.label-customizable { color: expression(alert(1)) }', 1, 30, 'contains expression()'],
    ['.label-customizable { color: red</style><script> }', 1, 30, 'contains HTML'],
    ['.label-customizable { color: \\72 ed }', 1, 30, 'contains a CSS escape'],
    ['.label-customizable { color: red', 1, 33, 'the rule is not closed with "}"'],
    ['.label-customizable color: red }', 1, 21, 'expected "{" but found "c"'],
    ['.label-customizable { color red }', 1, 29, 'expected ":" but found "r"'],
    ['.label-customizable { color: ; }', 1, 30, 'property "color" has no value'],
    ['/* open comment\n.label-customizable {}', 1, 1, 'the comment is not closed'],
    ['/* </style><script>alert(1)</script> */\n.label-customizable { color: red }', 1, 4, 'a comment contains HTML ("<")'],
    ['.label-customizable { color: red /* </style> */ }', 1, 37, 'a comment contains HTML ("<")'],
    ['.label-customizable { color: "red }', 1, 30, 'the string is not closed'],
    ['.label-customizable { color: rgb(1, 2, 3 }', 1, 43, 'the rule is not closed'],
  ])('refuses %j at %i:%i, and nothing else', (css, line, column, reason) => {
    // WHEN
    const errors = checkClassicCss(css).refused;

    // THEN
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(CssError);
    expect(errors[0].message).toContain(reason);
    expect(errors[0].position).toEqual({ line, column });
  });

  test.each([
    ['.label-customizable {\n  color: red;\n  font-size: 12px;\n}', 3, 3, 'Cognito does not apply "font-size" to .label-customizable; it applies font-weight, color'],
    ['.banner-customizable, .logo-customizable { padding: 1px }', 1, 44, 'Cognito does not apply "padding" to .logo-customizable'],
    ['.redirect-customizable { text-align: center; color: red }', 1, 46, 'Cognito does not apply "color" to .redirect-customizable; it applies text-align'],
    ['.submitButton-customizable { border-radius: 8px; background: #f90 }', 1, 30, 'Cognito does not apply "border-radius" to .submitButton-customizable'],
    ['.inputField-customizable { -webkit-appearance: none }', 1, 28, 'Cognito does not apply "-webkit-appearance"'],
  ])('takes %j, noting at %i:%i what Cognito ignores', (css, line, column, reason) => {
    // WHEN
    const { refused, ignored } = checkClassicCss(css);

    // THEN: nothing refused, the first ignored declaration where it is
    expect(refused).toEqual([]);
    expect(ignored[0].message).toBe(`line ${line}, column ${column}: ${ignored[0].reason}`);
    expect(ignored[0].reason).toContain(reason);
    expect(ignored[0].position).toEqual({ line, column });
  });
});

describe('checkClassicCss reports every problem of a stylesheet in one pass', () => {
  test('each refused class and value, and each ignored property, with line and column, in text order', () => {
    // GIVEN: a real-looking stylesheet with two refusals and three ignored properties spread over it
    const css = [
      '/* brand */',
      '.label-customizable {',
      '  color: #333;',
      '  font-size: 12px;', // 4:3 property not allowed for the class
      '  text-align: left;', // 5:3 likewise
      '}',
      '.nav-customizable, .submitButton-customizable {', // 7:1 class not allowed
      '  background-color: #ff9900;',
      '  border: 1px solid red;', // 9:3 not allowed for .submitButton-customizable
      '}',
      '.errorMessage-customizable { background: url(javascript:alert(1)) }', // 11:42
      '.banner-customizable { padding: 4px }',
    ].join('\n');

    // WHEN
    const problems = problemsOf(css);
    const ignored = ignoredOf(css);

    // THEN
    expect(problems).toEqual([
      expect.stringMatching(/^7:1 selector ".nav-customizable" is not allowed; allowed: \.label-customizable, /),
      '11:42 the value of "background" contains a javascript: URL',
    ]);
    expect(ignored).toEqual([
      '4:3 Cognito does not apply "font-size" to .label-customizable; it applies font-weight, color',
      '5:3 Cognito does not apply "text-align" to .label-customizable; it applies font-weight, color',
      '9:3 Cognito does not apply "border" to .submitButton-customizable; it applies font-size, font-weight, margin, width, height, color, background-color',
    ]);
  });

  test('reads on after what it cannot parse: a broken declaration, a broken rule, an at-rule', () => {
    // GIVEN
    const css = [
      '.label-customizable { color red; font-weight: bold }', // 1:29 no colon; the next declaration is still read
      'div > p { color: red }', // 2:1 no selector; the whole rule is skipped
      '@media print { .label-customizable { color: red } }', // 3:1 at-rule with its block skipped
      '.legalText-customizable { color: blue; margin: 0 }', // 4:40 still checked
    ].join('\n');

    // WHEN
    const problems = problemsOf(css);

    // THEN
    expect(problems).toEqual([
      '1:29 expected ":" but found "r"',
      expect.stringMatching(/^2:1 expected a selector/),
      expect.stringMatching(/^3:1 at-rules such as @media are not allowed/),
    ]);
    expect(ignoredOf(css)).toEqual(['4:40 Cognito does not apply "margin" to .legalText-customizable; it applies color, font-size']);
  });

  test('an unclosed comment ends the reading, keeping what came before', () => {
    // GIVEN
    const css = '.label-customizable { font-size: 1px }\n/* never closed\n.label-customizable { margin: 0 }';

    // WHEN / THEN
    expect(problemsOf(css)).toEqual(['2:1 the comment is not closed with "*/"']);
    expect(ignoredOf(css)).toEqual([expect.stringMatching(/^1:23 Cognito does not apply "font-size"/)]);
  });
});

describe('checkClassicCss takes the stylesheets real stacks deploy', () => {
  test('a deployed stack\'s dark theme: 11 properties Cognito ignores, none refused', () => {
    // GIVEN: the shape of a public stack's stylesheet (test/classic/fixtures/deployed-stack.css names it)
    const css = fixture('deployed-stack.css');

    // WHEN
    const { refused, ignored } = checkClassicCss(css);

    // THEN: the library refused each of these 11 before; Cognito takes them, and ignores them
    expect(refused).toEqual([]);
    expect(ignored.map((e) => `${e.position.line}:${e.position.column}`)).toEqual([
      '23:3', '38:3', '39:3', '49:3', '50:3', '58:3', '65:3', '70:3', '71:3', '73:3', '74:3',
    ]);
    expect(ignoredOf(css)[0]).toBe('23:3 Cognito does not apply "font-size" to .label-customizable; it applies font-weight, color');
    expect(ignoredOf(css)[4]).toBe('50:3 Cognito does not apply "border-radius" to .submitButton-customizable; '
      + 'it applies font-size, font-weight, margin, width, height, color, background-color');
  });

  test('Cognito\'s own CSS template: its social button\'s border-radius and padding are ignored, not refused', () => {
    // GIVEN: every class of the template GetUICustomization returns (test/classic/fixtures/cognito-template.css)
    const css = fixture('cognito-template.css');

    // WHEN
    const { refused, ignored } = checkClassicCss(css);

    // THEN
    expect(refused).toEqual([]);
    expect(ignoredOf(css)).toEqual([
      '97:3 Cognito does not apply "border-radius" to .socialButton-customizable; it applies height, text-align, width, margin-bottom',
      '100:3 Cognito does not apply "padding" to .socialButton-customizable; it applies height, text-align, width, margin-bottom',
    ]);
    expect(ignored).toHaveLength(2);
  });
});

describe('appliedClassicCss, the stylesheet as Cognito\'s page applies it (for the preview)', () => {
  test('leaves out each declaration Cognito ignores, and keeps the rest as written', () => {
    // GIVEN
    const css = '.submitButton-customizable {\n  background-color: #ff9900;\n  border-radius: 8px;\n  color: #fff\n}\n'
      + '.label-customizable { font-size: 12px; color: #333 }\n';

    // WHEN
    const applied = appliedClassicCss(css);

    // THEN
    expect(applied).toBe('.submitButton-customizable {\n  background-color: #ff9900;\n  \n  color: #fff\n}\n'
      + '.label-customizable {  color: #333 }\n');
  });

  test('keeps a declaration one selector of its rule applies', () => {
    // GIVEN: padding applies to the banner, not to the logo
    const css = '.banner-customizable, .logo-customizable { padding: 1px; max-width: 50% }';

    // WHEN / THEN
    expect(appliedClassicCss(css)).toBe(css);
  });

  test('a stylesheet Cognito applies whole is unchanged, and so is the deployed stack\'s but for its 11 declarations', () => {
    // GIVEN
    const deployed = fixture('deployed-stack.css');

    // WHEN
    const applied = appliedClassicCss(deployed);

    // THEN
    expect(appliedClassicCss(CSS_APPLIED_WHOLE)).toBe(CSS_APPLIED_WHOLE);
    expect(checkClassicCss(applied)).toEqual({ refused: [], ignored: [] });
    expect(deployed.split('\n').length).toBe(applied.split('\n').length);
    expect(applied).not.toMatch(/border-radius:/);
  });
});

const CSS_APPLIED_WHOLE = '.banner-customizable { background-color: #000000; padding: 4px }\n';
