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
 * Why Chromium cannot have its sandbox on this machine, or undefined when it
 * can. Chromium refuses to start as root unless told --no-sandbox, and on
 * Linux its sandbox needs unprivileged user namespaces (Chromium's "Linux
 * Sandboxing" design document), which a kernel setting can switch off.
 */
export function sandboxUnavailable(): string | undefined {
  if (process.getuid?.() === 0) {
    return 'running as root, where Chromium refuses its sandbox';
  }
  const setting = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  if (setting('/proc/sys/kernel/unprivileged_userns_clone') === '0') {
    return 'unprivileged user namespaces are switched off (kernel.unprivileged_userns_clone = 0)';
  }
  if (setting('/proc/sys/user/max_user_namespaces') === '0') {
    return 'user namespaces are switched off (user.max_user_namespaces = 0)';
  }
  return refusedSandbox;
}

/** Set when Chromium failed to start its sandbox although nothing above said it would: said once, then not tried again. */
let refusedSandbox: string | undefined;

/**
 * Command-line arguments that render `htmlFile` in a WINDOW-sized headless
 * window, then do `actions` (`--screenshot=<png>` or `--dump-dom`).
 * `--no-sandbox` only when `sandbox` is false: see sandboxUnavailable.
 */
export function browserArgs(htmlFile: string, profileDir: string, actions: readonly string[], sandbox: boolean): string[] {
  return [
    '--headless',
    ...(sandbox ? [] : ['--no-sandbox']),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-extensions',
    '--no-first-run',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${profileDir}`,
    `--window-size=${WINDOW.width},${WINDOW.height}`,
    ...actions,
    pathToFileURL(path.resolve(htmlFile)).href,
  ];
}

/**
 * Runs the browser on `htmlFile` with `actions` and a profile of its own, so
 * that several can run at once; resolves to its stdout. With the sandbox
 * unless sandboxUnavailable says why not; a sandbox that fails to start is
 * remembered and the page is rendered again without it.
 */
export async function runBrowser(browser: string, htmlFile: string, ...actions: string[]): Promise<string> {
  const sandbox = sandboxUnavailable() === undefined;
  try {
    return await runOnce(browser, htmlFile, actions, sandbox);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const line = stderr.split('\n').find((l) => /sandbox/i.test(l));
    if (!sandbox || line === undefined) {
      throw error;
    }
    refusedSandbox ??= `Chromium could not start its sandbox here (${line.trim()})`;
    return runOnce(browser, htmlFile, actions, false);
  }
}

function runOnce(browser: string, htmlFile: string, actions: readonly string[], sandbox: boolean): Promise<string> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-browser-'));
  return new Promise<string>((resolve, reject) => {
    execFile(browser, browserArgs(htmlFile, profileDir, actions, sandbox), { timeout: SCREENSHOT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        fs.rmSync(profileDir, { recursive: true, force: true });
        if (error) {
          // Chromium logs harmless D-Bus complaints on stderr; only a failure shows its last lines.
          reject(Object.assign(new Error(`${browser} failed on ${htmlFile}: ${error.message}\n${stderr.split('\n').slice(-5).join('\n')}`), { stderr }));
        } else {
          resolve(stdout);
        }
      });
  });
}

/**
 * Renders `htmlFile` into `pngFile`. The page's own policy runs no script
 * (html.ts); switching scripts off in the browser instead
 * (`--blink-settings=scriptEnabled=false`) makes headless Chromium write no
 * screenshot at all.
 */
export async function screenshot(browser: string, htmlFile: string, pngFile: string): Promise<void> {
  fs.rmSync(pngFile, { force: true });
  await runBrowser(browser, htmlFile, `--screenshot=${path.resolve(pngFile)}`);
  if (!fs.existsSync(pngFile)) {
    throw new Error(`${browser} wrote no screenshot of ${htmlFile}`);
  }
}
