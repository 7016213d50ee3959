/**
 * A small, strict reader of the CSS subset the classic hosted UI accepts:
 * rules whose selectors are allowed classes (optionally with their allowed
 * pseudo-class), each declaring only the properties Cognito allows for that
 * class. Anything else is refused with a line and column, at synth, instead
 * of a SetUICustomization failure at deployment.
 *
 * Source: docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html
 */

/** Allowed selectors and, for each, the properties it may set. */
export const CLASSIC_CSS_RULES: { readonly [selector: string]: readonly string[] } = {
  '.label-customizable': ['font-weight', 'color'],
  '.inputField-customizable': ['width', 'height', 'color', 'background-color', 'border'],
  '.inputField-customizable:focus': ['border-color', 'outline'],
  '.textDescription-customizable': ['padding-top', 'padding-bottom', 'display', 'font-size', 'color'],
  '.idpDescription-customizable': ['padding-top', 'padding-bottom', 'display', 'font-size', 'color'],
  '.submitButton-customizable': ['font-size', 'font-weight', 'margin', 'width', 'height', 'color', 'background-color'],
  '.submitButton-customizable:hover': ['color', 'background-color'],
  '.idpButton-customizable': ['height', 'width', 'text-align', 'margin-bottom', 'color', 'background-color', 'border-color'],
  '.idpButton-customizable:hover': ['color', 'background-color'],
  '.socialButton-customizable': ['height', 'text-align', 'width', 'margin-bottom'],
  '.banner-customizable': ['padding', 'background-color'],
  '.background-customizable': ['background-color'],
  '.errorMessage-customizable': ['margin', 'padding', 'font-size', 'width', 'background', 'border', 'color', 'box-sizing'],
  '.legalText-customizable': ['color', 'font-size'],
  '.logo-customizable': ['max-width', 'max-height', 'background-color'],
  '.passwordCheck-valid-customizable': ['color'],
  '.passwordCheck-notValid-customizable': ['color'],
  // No property list is published; Cognito's own CSS template sets text-align.
  '.redirect-customizable': ['text-align'],
};

/** Text no property value may hold: script, HTML, or escapes that could hide either. */
const FORBIDDEN_IN_VALUES: ReadonlyArray<{ readonly pattern: RegExp; readonly what: string }> = [
  { pattern: /javascript\s*:/i, what: 'a javascript: URL' },
  { pattern: /expression\s*\(/i, what: 'expression()' },
  { pattern: /[<>]/, what: 'HTML' },
  { pattern: /\\/, what: 'a CSS escape (it could hide script)' },
];

/** A place in the CSS text, 1-based like an editor shows it. */
export interface CssPosition {
  readonly line: number;
  readonly column: number;
}

/** Why a CSS text is refused, and where. */
export class CssError extends Error {
  constructor(public readonly position: CssPosition, public readonly reason: string) {
    super(`line ${position.line}, column ${position.column}: ${reason}`);
    this.name = 'CssError';
    Object.setPrototypeOf(this, CssError.prototype);
  }
}

/** Throws a CssError at the first thing Cognito's classic CSS does not allow. */
export function checkClassicCss(css: string): void {
  new ClassicCssReader(css).read();
}

class ClassicCssReader {
  private offset = 0;

  constructor(private readonly text: string) {}

  public read(): void {
    for (this.skipBlank(); this.offset < this.text.length; this.skipBlank()) {
      if (this.peek() === '@') {
        const name = /^@[\w-]*/.exec(this.text.slice(this.offset))![0];
        this.fail(`at-rules such as ${name} are not allowed (no @import, @media, @supports, @page, ...)`);
      }
      const selectors = this.readSelectors();
      this.expect('{');
      this.readDeclarations(selectors);
    }
  }

  /** `.a-customizable, .b-customizable:hover` up to the `{`. */
  private readSelectors(): string[] {
    const selectors: string[] = [];
    do {
      if (selectors.length > 0) {
        this.offset++; // the comma
        this.skipBlank();
      }
      const selector = /^\.[A-Za-z][\w-]*(:[A-Za-z-]+)?/.exec(this.text.slice(this.offset))?.[0];
      if (!selector) {
        this.fail(`expected a selector: one of ${Object.keys(CLASSIC_CSS_RULES).join(', ')}`);
      }
      if (!CLASSIC_CSS_RULES[selector]) {
        this.fail(`selector "${selector}" is not allowed; allowed: ${Object.keys(CLASSIC_CSS_RULES).join(', ')}`);
      }
      selectors.push(selector);
      this.offset += selector.length;
      this.skipBlank();
    } while (this.peek() === ',');
    return selectors;
  }

  /** `prop: value; ...}` where every prop is allowed for every selector of the rule. */
  private readDeclarations(selectors: string[]): void {
    for (this.skipBlank(); this.peek() !== '}'; this.skipBlank()) {
      if (this.offset >= this.text.length) {
        this.fail('the rule is not closed with "}"');
      }
      const start = this.offset;
      const name = /^-?[A-Za-z][\w-]*/.exec(this.text.slice(this.offset))?.[0];
      if (!name) {
        this.fail('expected a property name');
      }
      this.offset += name.length;
      this.skipBlank();
      this.expect(':');
      this.skipBlank();
      const valueStart = this.offset;
      const value = this.readValue();
      if (value.trim() === '') {
        this.fail(`property "${name}" has no value`, valueStart);
      }
      const forbidden = FORBIDDEN_IN_VALUES.find((f) => f.pattern.test(value));
      if (forbidden) {
        this.fail(`the value of "${name}" contains ${forbidden.what}`, valueStart);
      }
      for (const selector of selectors) {
        const allowed = CLASSIC_CSS_RULES[selector];
        if (!allowed.includes(name.toLowerCase())) {
          this.fail(`property "${name}" is not allowed for ${selector}; allowed: ${allowed.join(', ')}`, start);
        }
      }
      if (this.peek() === ';') {
        this.offset++;
      }
    }
    this.offset++;
  }

  /** A value up to `;` or `}`, stepping over quoted strings and parentheses; comments are left out. */
  private readValue(): string {
    const start = this.offset;
    let value = '';
    let depth = 0;
    while (this.offset < this.text.length) {
      const c = this.peek();
      if (c === '"' || c === "'") {
        const end = this.text.indexOf(c, this.offset + 1);
        if (end < 0) {
          this.fail('the string is not closed');
        }
        value += this.text.slice(this.offset, end + 1);
        this.offset = end + 1;
        continue;
      }
      if (this.text.startsWith('/*', this.offset)) {
        this.skipBlank();
        value += ' ';
        continue;
      }
      if (c === '(') {
        depth++;
      } else if (c === ')') {
        depth--;
      } else if (depth === 0 && (c === ';' || c === '}')) {
        break;
      } else if (c === '{') {
        this.fail('unexpected "{" in a value');
      }
      value += c;
      this.offset++;
    }
    if (this.offset >= this.text.length) {
      this.fail('the rule is not closed with "}"');
    }
    if (depth !== 0) {
      this.fail('unbalanced parentheses in a value', start);
    }
    return value;
  }

  /** Steps over white space and comments. */
  private skipBlank(): void {
    for (;;) {
      const blank = /^\s+/.exec(this.text.slice(this.offset));
      if (blank) {
        this.offset += blank[0].length;
      } else if (this.text.startsWith('/*', this.offset)) {
        const end = this.text.indexOf('*/', this.offset + 2);
        if (end < 0) {
          this.fail('the comment is not closed with "*/"');
        }
        this.offset = end + 2;
      } else {
        return;
      }
    }
  }

  private expect(c: string): void {
    if (this.peek() !== c) {
      const found = this.offset < this.text.length ? `"${this.peek()}"` : 'the end of the CSS';
      this.fail(`expected "${c}" but found ${found}`);
    }
    this.offset++;
  }

  private peek(): string {
    return this.text.charAt(this.offset);
  }

  private fail(reason: string, at: number = this.offset): never {
    const before = this.text.slice(0, at).split('\n');
    throw new CssError({ line: before.length, column: before[before.length - 1].length + 1 }, reason);
  }
}
