// Chromium keeps its sandbox unless the machine cannot give it one: as root
// (Chromium refuses to start sandboxed) or without user namespaces; a sandbox
// that fails to start anyway is said once and the page rendered without it.
import * as path from 'path';
import { tempDir } from './render';
import { browserArgs, runBrowser, sandboxUnavailable } from '../../src/preview/browser';

// The module object itself: an `import * as` namespace cannot be spied on.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof import('fs') = require('fs');

/** Pretends the kernel settings in `settings` (file -> content); every other file reads as usual. */
function kernelSettings(settings: { readonly [file: string]: string }) {
  const read = fs.readFileSync;
  return jest.spyOn(fs, 'readFileSync').mockImplementation(((file: unknown, options?: any) => {
    if (typeof file === 'string' && file.startsWith('/proc/sys/')) {
      if (settings[file] === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return settings[file];
    }
    return read(file as string, options);
  }) as typeof fs.readFileSync);
}

afterEach(() => jest.restoreAllMocks());

describe('the browser\'s sandbox', () => {
  test('GIVEN a user other than root on a kernel with user namespaces THEN the sandbox stays on', () => {
    jest.spyOn(process, 'getuid').mockReturnValue(1000);
    kernelSettings({ '/proc/sys/user/max_user_namespaces': '63000' });

    expect(sandboxUnavailable()).toBeUndefined();
    expect(browserArgs('page.html', '/tmp/profile', ['--dump-dom'], true)).not.toContain('--no-sandbox');
  });

  test.each([
    ['root', 0, {}, 'running as root, where Chromium refuses its sandbox'],
    ['unprivileged user namespaces switched off', 1000, { '/proc/sys/kernel/unprivileged_userns_clone': '0' },
      'unprivileged user namespaces are switched off (kernel.unprivileged_userns_clone = 0)'],
    ['no user namespaces at all', 1000, { '/proc/sys/user/max_user_namespaces': '0' }, 'user namespaces are switched off (user.max_user_namespaces = 0)'],
  ])('GIVEN %s THEN the sandbox is off, saying why', (_, uid, settings, reason) => {
    jest.spyOn(process, 'getuid').mockReturnValue(uid);
    kernelSettings(settings);

    expect(sandboxUnavailable()).toBe(reason);
    expect(browserArgs('page.html', '/tmp/profile', ['--dump-dom'], false)).toContain('--no-sandbox');
  });

  test('GIVEN a browser that cannot start its sandbox THEN the page is rendered without it, and that is said from then on', async () => {
    jest.spyOn(process, 'getuid').mockReturnValue(1000);
    kernelSettings({});
    // A stand-in for Chromium on a machine whose sandbox fails: it works only when told --no-sandbox.
    const browser = path.join(tempDir('browser'), 'chromium');
    fs.writeFileSync(browser, '#!/bin/sh\ncase " $* " in *" --no-sandbox "*) echo "<html>rendered</html>";; '
      + '*) echo "FATAL:zygote_host_impl_linux.cc No usable sandbox!" >&2; exit 1;; esac\n', { mode: 0o755 });

    expect(await runBrowser(browser, 'page.html', '--dump-dom')).toBe('<html>rendered</html>\n');
    expect(sandboxUnavailable()).toBe('Chromium could not start its sandbox here (FATAL:zygote_host_impl_linux.cc No usable sandbox!)');
  });
});
