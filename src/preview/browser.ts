// Screenshots through a headless Chromium already on the machine (Debian's
// `chromium` package; scripts/browser.sh installs it for this project), driven
// by its own command line: no browser download, no driver library.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** The browser window every page is rendered in, in CSS pixels (one device pixel each). */
export const WINDOW = { width: 1280, height: 800 } as const;

/** Environment variable naming a Chromium or Chrome executable to use. */
export const BROWSER_ENV = 'CDK_COGNITO_LOGIN_BROWSER';

/** Executable names tried on PATH, in order. */
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** A browser that gives no picture in this time is stopped; a page takes about a second. */
const SCREENSHOT_TIMEOUT_MS = 60_000;

/** The browser to use: `explicit`, else $CDK_COGNITO_LOGIN_BROWSER, else the first of BROWSER_NAMES on PATH. */
export function findBrowser(explicit?: string): string | undefined {
  const chosen = explicit ?? process.env[BROWSER_ENV];
  if (chosen) {
    return chosen;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Command-line arguments that render `htmlFile` in a WINDOW-sized headless
 * window, then do `action` (`--screenshot=<png>` or `--dump-dom`).
 * `--no-sandbox`: containers and root shells have no sandbox to offer, and
 * the pages are our own files with no script in them.
 */
export function browserArgs(htmlFile: string, profileDir: string, action: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-extensions',
    '--no-first-run',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${profileDir}`,
    `--window-size=${WINDOW.width},${WINDOW.height}`,
    action,
    pathToFileURL(path.resolve(htmlFile)).href,
  ];
}

/** Runs the browser with `args` plus a profile of its own, so that several can run at once; resolves to its stdout. */
export function runBrowser(browser: string, htmlFile: string, action: string): Promise<string> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-browser-'));
  return new Promise<string>((resolve, reject) => {
    execFile(browser, browserArgs(htmlFile, profileDir, action), { timeout: SCREENSHOT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        fs.rmSync(profileDir, { recursive: true, force: true });
        if (error) {
          // Chromium logs harmless D-Bus complaints on stderr; only a failure shows its last lines.
          reject(new Error(`${browser} failed on ${htmlFile}: ${error.message}\n${stderr.split('\n').slice(-5).join('\n')}`));
        } else {
          resolve(stdout);
        }
      });
  });
}

/** Renders `htmlFile` into `pngFile`. */
export async function screenshot(browser: string, htmlFile: string, pngFile: string): Promise<void> {
  fs.rmSync(pngFile, { force: true });
  await runBrowser(browser, htmlFile, `--screenshot=${path.resolve(pngFile)}`);
  if (!fs.existsSync(pngFile)) {
    throw new Error(`${browser} wrote no screenshot of ${htmlFile}`);
  }
}
