import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ResolvedClassicCss, ResolvedLogo } from './private/resolved-classic';
import { decodeBase64, describeBase64 } from '../private/base64';
import { checkClassicCss } from './private/css-rules';
import { detectImageType } from '../private/file-type';
import { formatBytes, readInputFile } from '../private/input-files';
import { ViolationCollector } from '../private/validate';

/** CSS comments, closed ones only: an unclosed one is left for the CSS reader to report. */
const COMMENTS = /\/\*[\s\S]*?\*\//g;

/** Largest classic logo Cognito accepts: 100 KB. */
const MAX_LOGO_BYTES = 100 * 1024;

/** Longest CSS SetUICustomization takes: botocore's cognito-idp model, CSSType max 131,072. */
export const MAX_CSS_CHARACTERS = 131_072;

/**
 * CSS of the classic hosted UI. Only Cognito's `*-customizable` classes may
 * be styled; no at-rules, no script; at most 131,072 characters. The CSS is
 * checked at synth, and every place Cognito would refuse is reported at
 * once, each with line and column. A property Cognito does not apply to its
 * class (its guide lists the properties of each) is a synth warning, with
 * line and column, not an error.
 *
 * @exampleMetadata fixture=stack
 * @example
 * const css = ClassicCss.fromString('.submitButton-customizable { background-color: #ff9900; }');
 */
export class ClassicCss {
  /**
   * A CSS file.
   * @param filePath path of the CSS file
   */
  public static fromFile(filePath: string): ClassicCss {
    return new ClassicCss(filePath, undefined);
  }

  /**
   * CSS text.
   * @param css the CSS
   */
  public static fromString(css: string): ClassicCss {
    return new ClassicCss(undefined, css);
  }

  private constructor(private readonly filePath: string | undefined, private readonly text: string | undefined) {}

  /**
   * The checked CSS, for the construct `scope` which got it as `prop`; every
   * violation is reported in one error.
   * @internal
   */
  public _resolve(scope: IConstruct, prop: string): ResolvedClassicCss {
    const text = this.text ?? readInputFile(scope, prop, this.filePath!).toString('utf8');
    const value = this.filePath ?? text;
    const violations = new ViolationCollector(scope);
    if (Token.isUnresolved(text)) {
      violations.add(prop, value, 'CSS known at synth; it is staged as a file');
      violations.throwIfAny();
    }
    // Characters as the model counts them: code points, not UTF-16 units, so the refusal is never wrong.
    const characters = [...text].length;
    if (characters > MAX_CSS_CHARACTERS) {
      violations.add(prop, value, `CSS of at most ${MAX_CSS_CHARACTERS.toLocaleString('en-US')} characters (SetUICustomization's limit); `
        + `this one is ${characters.toLocaleString('en-US')} characters`);
    }
    if (text.replace(COMMENTS, '').trim() === '') {
      // Nothing to style with: a file saved empty, or the wrong file. Without a logo it would clear the pages' customization.
      violations.add(prop, value, 'CSS with at least one rule; this one holds only white space and comments. '
        + 'To style the pages with a logo alone, leave css out');
    }
    const findings = checkClassicCss(text);
    for (const error of findings.refused) {
      violations.add(prop, value, `CSS the classic hosted UI accepts; ${error.message}`);
    }
    violations.throwIfAny();
    return { text, filePath: this.filePath, ignored: findings.ignored.map((e) => e.message) };
  }
}

/**
 * The logo of the classic hosted UI: a PNG or JPEG of at most 100 KB, shown
 * scaled to 350x178 above the sign-in form.
 *
 * @exampleMetadata fixture=stack
 * @example
 * const logoImage = LogoImage.fromFile('logo.png');
 */
export class LogoImage {
  /**
   * An image file. Its type is read from the content, whatever the name says.
   * @param filePath path of the PNG or JPEG file
   */
  public static fromFile(filePath: string): LogoImage {
    return new LogoImage(filePath, undefined);
  }

  /**
   * A PNG or JPEG image given as base64 text, for apps that generate or
   * download their logo. Same checks as fromFile. Only strict base64 is taken
   * (RFC 4648 section 4: `A-Z`, `a-z`, `0-9`, `+`, `/`, padded with `=`; no
   * line breaks, spaces or data: prefix). The bytes are staged as a file
   * named by their content hash, never put in the template.
   *
   * @param data the image, base64-encoded
   */
  public static fromBase64(data: string): LogoImage {
    return new LogoImage(undefined, data);
  }

  private constructor(private readonly filePath: string | undefined, private readonly base64: string | undefined) {}

  /**
   * The checked logo, for the construct `scope` which got it as `prop`;
   * every violation is reported in one error.
   * @internal
   */
  public _resolve(scope: IConstruct, prop: string): ResolvedLogo {
    const value = this.filePath ?? describeBase64(this.base64!);
    const bytes = this.base64 !== undefined ? decodeBase64(scope, prop, this.base64) : readInputFile(scope, prop, this.filePath!);
    const violations = new ViolationCollector(scope);
    const type = detectImageType(bytes);
    if (type !== 'PNG' && type !== 'JPEG') {
      violations.add(prop, value, `a PNG or JPEG image; the content is ${type ?? 'not an image Cognito knows'}`);
    }
    if (bytes.length > MAX_LOGO_BYTES) {
      violations.add(prop, value, `a logo of at most ${formatBytes(MAX_LOGO_BYTES)}; this one is ${formatBytes(bytes.length)}`);
    }
    violations.throwIfAny();
    return { bytes, type: type as 'PNG' | 'JPEG', filePath: this.filePath };
  }
}

/** CSS and logo of the classic hosted UI, always sent together. */
export interface ClassicCustomizationOptions {
  /** The CSS. @default - none */
  readonly css?: ClassicCss;
  /** The logo. @default - none */
  readonly logo?: LogoImage;
}
