// Internal shapes of checked classic inputs. Not exported from the package:
// index.ts re-exports only the public files.

/** CSS of the classic hosted UI, checked when used. */
export interface ResolvedClassicCss {
  readonly text: string;
  /** Set when the CSS is a file on disk, which is staged as is. */
  readonly filePath?: string;
  /** Each declaration Cognito ignores, as `line L, column C: why`, in the order of the text. */
  readonly ignored: readonly string[];
}

/** A classic logo, checked when used. */
export interface ResolvedLogo {
  readonly bytes: Buffer;
  readonly type: 'PNG' | 'JPEG';
  /** Set when the logo is a file on disk, which is staged as is; else the bytes are staged. */
  readonly filePath?: string;
}
