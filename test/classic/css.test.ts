import { checkClassicCss, CLASSIC_CSS_RULES, CssError } from '../../src/classic/private/css-rules';

/** Where and why checkClassicCss refuses the CSS, as `line:column reason`. */
function problemsOf(css: string): string[] {
  return checkClassicCss(css).map((e) => `${e.position.line}:${e.position.column} ${e.reason}`);
}

describe('checkClassicCss', () => {
  test('accepts every allowed class with its allowed properties', () => {
    // GIVEN: a rule per allowed selector setting every allowed property
    const css = Object.entries(CLASSIC_CSS_RULES)
      .map(([selector, properties]) => `${selector} {\n${properties.map((p) => `  ${p}: 10px;`).join('\n')}\n}`)
      .join('\n\n');

    // WHEN / THEN
    expect(checkClassicCss(css)).toEqual([]);
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
    expect(checkClassicCss(css)).toEqual([]);
  });

  test.each([
    ['@import url("x.css");', 1, 1, 'at-rules such as @import are not allowed'],
    ['.label-customizable { color: red }\n@media (max-width: 600px) { }', 2, 1, 'at-rules such as @media are not allowed'],
    ['@supports (display: grid) {}', 1, 1, '@supports'],
    ['@page { margin: 0 }', 1, 1, '@page'],
    ['.foo-customizable { color: red }', 1, 1, 'selector ".foo-customizable" is not allowed'],
    ['.label-customizable:hover { color: red }', 1, 1, 'selector ".label-customizable:hover" is not allowed'],
    ['div { color: red }', 1, 1, 'expected a selector'],
    ['.label-customizable {\n  color: red;\n  font-size: 12px;\n}', 3, 3, 'property "font-size" is not allowed for .label-customizable; allowed: font-weight, color'],
    ['.banner-customizable, .logo-customizable { padding: 1px }', 1, 44, 'property "padding" is not allowed for .logo-customizable'],
    ['.redirect-customizable { text-align: center; color: red }', 1, 46, 'property "color" is not allowed for .redirect-customizable; allowed: text-align'],
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
    const errors = checkClassicCss(css);

    // THEN
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(CssError);
    expect(errors[0].message).toContain(reason);
    expect(errors[0].position).toEqual({ line, column });
  });
});

describe('checkClassicCss reports every problem of a stylesheet in one pass', () => {
  test('each disallowed class, property and value, with line and column, in text order', () => {
    // GIVEN: a real-looking stylesheet with five problems spread over it
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

    // THEN
    expect(problems).toEqual([
      '4:3 property "font-size" is not allowed for .label-customizable; allowed: font-weight, color',
      '5:3 property "text-align" is not allowed for .label-customizable; allowed: font-weight, color',
      expect.stringMatching(/^7:1 selector ".nav-customizable" is not allowed; allowed: \.label-customizable, /),
      '9:3 property "border" is not allowed for .submitButton-customizable; allowed: font-size, font-weight, margin, width, height, color, background-color',
      '11:42 the value of "background" contains a javascript: URL',
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
      '4:40 property "margin" is not allowed for .legalText-customizable; allowed: color, font-size',
    ]);
  });

  test('an unclosed comment ends the reading, keeping what came before', () => {
    // GIVEN
    const css = '.label-customizable { font-size: 1px }\n/* never closed\n.label-customizable { margin: 0 }';

    // WHEN / THEN
    expect(problemsOf(css)).toEqual([
      expect.stringMatching(/^1:23 property "font-size" is not allowed/),
      '2:1 the comment is not closed with "*/"',
    ]);
  });
});
