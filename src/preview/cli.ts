#!/usr/bin/env node
// The package's command: `npx cdk-cognito-login preview [cdk.out] [--out dir] [--mode light|dark|both]`.
// It reads a synthesized cloud assembly, so it serves apps in every jsii language.
import * as path from 'path';
import { PreviewMode, writePreviews } from './write-previews';

const USAGE = `Usage: cdk-cognito-login preview [cdk.out] [--out dir] [--mode light|dark|both] [--browser path | --no-browser]

Writes a preview of every client's login pages found in the cloud assembly
(default ./cdk.out): <out>/<stack>/<client>.<mode>.html, a .png of each when
Chromium is installed, and <out>/index.html (default out: ./login-preview).
The pages show layout and colors, not a pixel copy of AWS's pages.`;

const MODES: { readonly [option: string]: PreviewMode[] } = { light: ['light'], dark: ['dark'], both: ['light', 'dark'] };

interface Arguments {
  readonly assembly: string;
  readonly out: string;
  readonly modes: PreviewMode[];
  readonly browser?: string | false;
}

/** The arguments after `preview`; throws with the usage on anything else. */
export function parseArguments(args: readonly string[]): Arguments {
  const positional: string[] = [];
  let out = 'login-preview';
  let modes = MODES.both;
  let browser: string | false | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--out') {
      out = value();
    } else if (arg === '--mode') {
      const mode = value();
      if (!MODES[mode]) throw new Error(`--mode must be light, dark or both, not "${mode}"`);
      modes = MODES[mode];
    } else if (arg === '--browser') {
      browser = value();
    } else if (arg === '--no-browser') {
      browser = false;
    } else if (arg.startsWith('-') || positional.length > 0) {
      throw new Error(`unexpected argument "${arg}"`);
    } else {
      positional.push(arg);
    }
  }
  return { assembly: positional[0] ?? 'cdk.out', out, modes, browser };
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || rest.includes('--help')) {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command !== 'preview') {
    console.error(`unknown command "${command}"\n\n${USAGE}`);
    return 1;
  }
  const args = parseArguments(rest);
  const result = await writePreviews(args.assembly, args.out, { modes: args.modes, browser: args.browser });
  for (const page of result.pages) {
    console.log(`${path.relative(process.cwd(), page.png ?? page.html)}${page.problems.length ? `  (${page.problems.join('; ')})` : ''}`);
  }
  for (const line of [result.noBrowser, result.noSandbox]) {
    if (line) console.log(line);
  }
  console.log(`${result.pages.length} previews; open ${path.relative(process.cwd(), result.index)}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: Error) => {
    console.error(`cdk-cognito-login: ${error.message}`);
    process.exitCode = 1;
  });
}
