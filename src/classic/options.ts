import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ResolvedClassicCss, ResolvedLogo } from './resolved';
import { formatBytes, readInputFile } from '../private/branding-files';
import { checkClassicCss, CssError } from '../private/css';
import { detectImageType } from '../private/file-type';
import { ValidationError } from '../private/validate';

/** Largest classic logo Cognito accepts: 100 KB. */
const MAX_LOGO_BYTES = 100 * 1024;

/**
 * CSS of the classic hosted UI. Only Cognito's `*-customizable` classes may
 * be styled, each with its own properties; no at-rules, no script. The CSS
 * is checked at synth and reported with line and column when Cognito would
 * refuse it.
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
   * The checked CSS, for the construct `scope` which got it as `prop`.
   * @internal
   */
  public _resolve(scope: IConstruct, prop: string): ResolvedClassicCss {
    const text = this.text ?? readInputFile(scope, prop, this.filePath!).toString('utf8');
    const value = this.filePath ?? text;
    if (Token.isUnresolved(text)) {
      throw new ValidationError(scope, prop, value, 'CSS known at synth; it is staged as a file');
    }
    try {
      checkClassicCss(text);
    } catch (e) {
      if (e instanceof CssError) {
        throw new ValidationError(scope, prop, value, `CSS the classic hosted UI accepts; ${e.message}`);
      }
      throw e;
    }
    return { text, filePath: this.filePath };
  }
}

/**
 * The logo of the classic hosted UI: a PNG or JPEG of at most 100 KB, shown
 * scaled to 350x178 above the sign-in form.
 */
export class LogoImage {
  /**
   * An image file. Its type is read from the content, whatever the name says.
   * @param filePath path of the PNG or JPEG file
   */
  public static fromFile(filePath: string): LogoImage {
    return new LogoImage(filePath);
  }

  private constructor(private readonly filePath: string) {}

  /**
   * The checked logo, for the construct `scope` which got it as `prop`.
   * @internal
   */
  public _resolve(scope: IConstruct, prop: string): ResolvedLogo {
    const bytes = readInputFile(scope, prop, this.filePath);
    const type = detectImageType(bytes);
    if (type !== 'PNG' && type !== 'JPEG') {
      throw new ValidationError(scope, prop, this.filePath, `a PNG or JPEG image; the content is ${type ?? 'not an image Cognito knows'}`);
    }
    if (bytes.length > MAX_LOGO_BYTES) {
      throw new ValidationError(scope, prop, this.filePath,
        `a logo of at most ${formatBytes(MAX_LOGO_BYTES)}; this one is ${formatBytes(bytes.length)}`);
    }
    return { bytes, filePath: this.filePath };
  }
}

/** CSS and logo of the classic hosted UI, always sent together. */
export interface ClassicCustomizationOptions {
  /** The CSS. @default - none */
  readonly css?: ClassicCss;
  /** The logo. @default - none */
  readonly logo?: LogoImage;
}
