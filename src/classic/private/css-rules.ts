/**
 * A small, strict reader of the CSS the classic hosted UI takes. It sorts
 * what it finds in two:
 *
 * - refused, with a line and column, at synth instead of at deployment:
 *   what Cognito refuses, and what could run script or end the page's
 *   `<style>` element (the library's rule that styling is inert, where AWS is
 *   silent), and what it cannot read;
 * - ignored: a property outside the list the developer guide gives for its
 *   class. Cognito takes the stylesheet but does not apply it ("Only the keys
 *   that are included in the template can be used with the hosted UI. Added
 *   CSS keys will not be reflected in your UI"), so it is a warning.
 *
 * Sources: https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html
 * (the classes and, per class, its properties);
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-ui-customization.html
 * (no `@import`, `@supports`, `@page`, `@media` or JavaScript; added keys not reflected).
 * Cognito's own CSS template, as GetUICustomization returns it, sets
 * `border-radius` and `padding` on `.socialButton-customizable`, outside that
 * class's list: the service stores such properties rather than refusing them
 * (github.com/aws/aws-cli, awscli/examples/cognito-idp/get-ui-customization.rst).
 */

/**
 * The classes Cognito takes and, for each, the properties it applies there.
 * A selector outside this list is refused: the guide lets a stylesheet "use
 * any of the following CSS class names", and SetUICustomization answers a
 * stylesheet styling others (`body`, `h1`, `.modal-content`) with HTTP 400, as
 * a public stack found (github.com/transformotion/transformotion-apps,
 * apps/launchpad/infrastructure/cognito-hosted-ui-css.ts). A property
 * outside a class's list is only ignored (a warning).
 */
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

/**
 * Text no property value may hold: script (the guide: no JavaScript), and,
 * by the library's rule that styling is inert where AWS says nothing, HTML
 * (a `</style>` would end the page's style element) and escapes that could
 * hide either.
 */
const FORBIDDEN_IN_VALUES: ReadonlyArray<{ readonly pattern: RegExp; readonly what: string }> = [
  { pattern: /javascript\s*:/i, what: 'a javascript: URL' },
  { pattern: /expression\s*\(/i, what: 'expression()' },
  { pattern: /[<>]/, what: 'HTML' },
  { pattern: /\\/, what: 'a CSS escape (it could hide script)' },
];

/**
 * Properties whose value is a color: `color`, `background-color`,
 * `border-color`. They take a <color> only (CSS Color Module Level 4, "the
 * color property"; CSS Backgrounds and Borders Level 3, background-color and
 * border-color); `url(...)` is an image, which a browser drops from them,
 * leaving Cognito's color on the page. Refused, not only ignored: it is never
 * what was meant, and a color is always what was meant.
 */
const COLOR_PROPERTY = /(^|-)color$/i;

/** The start of a url() in a value. */
const URL_FUNCTION = /url\s*\(/i;

/** A place in the CSS text, 1-based like an editor shows it. */
export interface CssPosition {
  readonly line: number;
  readonly column: number;
}

/** Why a CSS text is refused, or what of it Cognito ignores, and where. */
export class CssError extends Error {
  constructor(public readonly position: CssPosition, public readonly reason: string) {
    super(`line ${position.line}, column ${position.column}: ${reason}`);
    this.name = 'CssError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** What the reader found in a stylesheet, each list in the order of the text. */
export interface ClassicCssFindings {
  /** Why the stylesheet is refused; empty when it may be deployed. */
  readonly refused: CssError[];
  /** Declarations Cognito takes but does not apply: a property outside its class's list. */
  readonly ignored: CssError[];
}

/**
 * Every thing in the CSS that is refused, and every declaration Cognito
 * ignores. The reader goes on after each problem (skipping the declaration,
 * or the rule, that it cannot read), so one pass reports them all; only an
 * unclosed comment or string, or the end of the text inside a rule, ends it.
 */
export function checkClassicCss(css: string): ClassicCssFindings {
  return new ClassicCssReader(css).read();
}

/**
 * The CSS as Cognito's page applies it: without the declarations it ignores,
 * for the preview to show what the page will show. A declaration of a rule
 * with several selectors stays when one of them applies it.
 */
export function appliedClassicCss(css: string): string {
  const reader = new ClassicCssReader(css);
  reader.read();
  let applied = '';
  let from = 0;
  for (const [start, end] of reader.unapplied) {
    applied += css.slice(from, start);
    from = end;
  }
  return applied + css.slice(from);
}

/** A problem after which nothing more of the text can be read. */
class FatalCssError extends CssError {}

class ClassicCssReader {
  private offset = 0;
  /** Set by a fatal problem: nothing more is read. */
  private stopped = false;
  private readonly errors: CssError[] = [];
  private readonly ignored: CssError[] = [];
  /** Where the declarations that no selector of their rule applies start and end. */
  public readonly unapplied: Array<readonly [number, number]> = [];

  constructor(private readonly text: string) {}

  public read(): ClassicCssFindings {
    while (this.attempt(() => this.skipBlank()) && this.offset < this.text.length) {
      if (!this.attempt(() => this.readStatement()) && !this.stopped) {
        this.recover('statement');
      }
    }
    return { refused: this.errors, ignored: this.ignored };
  }

  /**
   * A rule, or an at-rule, refused and stepped over: the guide forbids
   * `@import`, `@supports`, `@page` and `@media`; `@font-face` loads a font
   * from a URL (the library keeps styling inert); of the others the guide says
   * nothing, and none could have an effect, since Cognito applies only the
   * listed properties of the listed classes.
   */
  private readStatement(): void {
    if (this.peek() === '@') {
      const name = /^@[\w-]*/.exec(this.text.slice(this.offset))![0];
      this.report(`at-rules such as ${name} are not allowed (no @import, @media, @supports, @page, ...)`);
      this.recover('at-rule');
      return;
    }
    const selectors = this.readSelectors();
    this.expect('{');
    this.readDeclarations(selectors);
  }

  /** `.a-customizable, .b-customizable:hover` up to the `{`; returns the allowed ones (a refused one is reported). */
  private readSelectors(): string[] {
    const selectors: string[] = [];
    let first = true;
    do {
      if (!first) {
        this.offset++; // the comma
        this.skipBlank();
      }
      first = false;
      const selector = /^\.[A-Za-z][\w-]*(:[A-Za-z-]+)?/.exec(this.text.slice(this.offset))?.[0];
      if (!selector) {
        this.fail(`expected a selector: one of ${Object.keys(CLASSIC_CSS_RULES).join(', ')}`);
      }
      if (CLASSIC_CSS_RULES[selector]) {
        selectors.push(selector);
      } else {
        this.report(`selector "${selector}" is not allowed; allowed: ${Object.keys(CLASSIC_CSS_RULES).join(', ')}`);
      }
      this.offset += selector.length;
      this.skipBlank();
    } while (this.peek() === ',');
    return selectors;
  }

  /** `prop: value; ...}`, each declaration checked against every (allowed) selector of the rule. */
  private readDeclarations(selectors: string[]): void {
    for (this.skipBlank(); this.peek() !== '}'; this.skipBlank()) {
      if (this.stopped) {
        return;
      }
      if (this.offset >= this.text.length) {
        this.fail('the rule is not closed with "}"', this.offset, true);
      }
      if (!this.attempt(() => this.readDeclaration(selectors)) && !this.stopped) {
        this.recover('declaration');
      }
    }
    this.offset++;
  }

  private readDeclaration(selectors: string[]): void {
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
      this.report(`property "${name}" has no value`, valueStart);
    }
    const forbidden = FORBIDDEN_IN_VALUES.find((f) => f.pattern.test(value));
    if (forbidden) {
      this.report(`the value of "${name}" contains ${forbidden.what}`, valueStart);
    }
    if (COLOR_PROPERTY.test(name) && URL_FUNCTION.test(value)) {
      this.report(`the value of "${name}" is a url(), not a color: give a color such as #ff9900, rgb(255 153 0) or orange`, valueStart);
    }
    const ignoredBy = selectors.filter((selector) => !CLASSIC_CSS_RULES[selector].includes(name.toLowerCase()));
    for (const selector of ignoredBy) {
      this.ignored.push(new CssError(this.positionOf(start),
        `Cognito does not apply "${name}" to ${selector}; it applies ${CLASSIC_CSS_RULES[selector].join(', ')}`));
    }
    if (this.peek() === ';') {
      this.offset++;
    }
    if (selectors.length > 0 && ignoredBy.length === selectors.length) {
      this.unapplied.push([start, this.offset]);
    }
  }

  /** The quoted string at the reader, quotes included, stepped over; an unclosed one is fatal. */
  private readString(): string {
    const end = this.text.indexOf(this.peek(), this.offset + 1);
    if (end < 0) {
      this.fail('the string is not closed', this.offset, true);
    }
    const quoted = this.text.slice(this.offset, end + 1);
    this.offset = end + 1;
    return quoted;
  }

  /** A value up to `;` or `}`, stepping over quoted strings and parentheses; comments are left out. */
  private readValue(): string {
    const start = this.offset;
    let value = '';
    let depth = 0;
    while (this.offset < this.text.length) {
      const c = this.peek();
      if (c === '"' || c === "'") {
        value += this.readString();
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
      this.fail('the rule is not closed with "}"', this.offset, true);
    }
    if (depth !== 0) {
      this.fail('unbalanced parentheses in a value', start);
    }
    return value;
  }

  /**
   * After a problem that left the reader inside something it cannot read,
   * steps to where reading can go on: past the declaration (to its `;`, or up
   * to the `}` that closes its rule), past the rule (its `{...}` block, or a
   * stray `}`), or past the at-rule (its `;` or its block). Strings, comments
   * and nested blocks are stepped over whole.
   */
  private recover(what: 'declaration' | 'statement' | 'at-rule'): void {
    let depth = 0;
    while (this.offset < this.text.length) {
      const c = this.peek();
      if (c === '"' || c === "'") {
        if (!this.attempt(() => this.readString())) {
          return;
        }
        continue;
      }
      if (this.text.startsWith('/*', this.offset)) {
        if (!this.attempt(() => this.skipBlank())) {
          return;
        }
        continue;
      }
      if (c === '{') {
        depth++;
      } else if (c === '}') {
        if (depth === 0) {
          // The end of the rule the declaration was in (left for the rule to close), or a stray one.
          if (what !== 'declaration') {
            this.offset++;
          }
          return;
        }
        depth--;
        if (depth === 0 && what !== 'declaration') {
          this.offset++;
          return;
        }
      } else if (c === ';' && depth === 0 && what !== 'statement') {
        this.offset++;
        return;
      }
      this.offset++;
    }
    if (what === 'declaration') {
      this.attempt(() => this.fail('the rule is not closed with "}"', this.offset, true));
    }
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
          this.fail('the comment is not closed with "*/"', this.offset, true);
        }
        // As in values: the page embeds the CSS in a <style> element, which a "</style>" in a comment would end too.
        const html = this.text.indexOf('<', this.offset + 2);
        if (html >= 0 && html < end) {
          this.report('a comment contains HTML ("<"); allowed: comments without "<" (the page embeds the CSS in a <style> element, which "</style>" would end)', html);
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
      this.fail(`expected "${c}" but found ${found}`, this.offset, this.offset >= this.text.length);
    }
    this.offset++;
  }

  private peek(): string {
    return this.text.charAt(this.offset);
  }

  /**
   * Runs a step; a CssError it throws is recorded. Returns whether the step
   * finished. After a fatal problem the reader is at the end of the text.
   */
  private attempt(step: () => void): boolean {
    try {
      step();
      return true;
    } catch (e) {
      if (!(e instanceof CssError)) {
        throw e;
      }
      this.errors.push(e);
      if (e instanceof FatalCssError) {
        this.stopped = true;
        this.offset = this.text.length;
      }
      return false;
    }
  }

  /** Records a problem and reads on. */
  private report(reason: string, at: number = this.offset): void {
    this.errors.push(new CssError(this.positionOf(at), reason));
  }

  /** Stops the current step (the caller recovers); `fatal` when nothing after it can be read. */
  private fail(reason: string, at: number = this.offset, fatal = false): never {
    const position = this.positionOf(at);
    throw fatal ? new FatalCssError(position, reason) : new CssError(position, reason);
  }

  private positionOf(at: number): CssPosition {
    const before = this.text.slice(0, at).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  }
}
