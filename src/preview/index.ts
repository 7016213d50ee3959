// The login page preview: the `cdk-cognito-login preview` command (cli.ts)
// and the function behind it, for scripts. Not exported from the package's
// jsii API (src/index.ts): it is a Node.js tool that reads a cloud assembly,
// not a construct, and its types need not cross into other languages.
export { ALL_MODES, writePreviews } from './write-previews';
export type { PreviewMode, PreviewOptions, PreviewPage, PreviewResult } from './write-previews';
export { findBrowser } from './browser';
