import { checkClassicCss, CLASSIC_CSS_RULES, CssError } from '../../src/private/css';

/** The error checkClassicCss throws, or undefined. */
function errorOf(css: string): CssError | undefined {
  try {
    checkClassicCss(css);
    return undefined;
  } catch (e) {
    return e as CssError;
  }
}

describe('checkClassicCss', () => {
  test('accepts every allowed class with its allowed properties', () => {
    // GIVEN: a rule per allowed selector setting every allowed property
    const css = Object.entries(CLASSIC_CSS_RULES)
      .map(([selector, properties]) => `${selector} {\n${properties.map((p) => `  ${p}: 10px;`).join('\n')}\n}`)
      .join('\n\n');

    // WHEN / THEN
    expect(errorOf(css)).toBeUndefined();
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
    expect(errorOf(css)).toBeUndefined();
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
    ['.label-customizable { color: "red }', 1, 30, 'the string is not closed'],
    ['.label-customizable { color: rgb(1, 2, 3 }', 1, 43, 'the rule is not closed'],
  ])('refuses %j at %i:%i', (css, line, column, reason) => {
    // WHEN
    const error = errorOf(css);

    // THEN
    expect(error).toBeInstanceOf(CssError);
    expect(error!.message).toContain(reason);
    expect(error!.position).toEqual({ line, column });
  });
});
