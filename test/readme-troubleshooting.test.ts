// The README's troubleshooting table quotes what the handler and the account
// linking trigger say when a deployment or a sign-in fails. A message changed
// in the code and not in the README would send users looking for words they
// never see: every fixed part of each quoted message must still be in the
// code that says it.
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { readmeSection } from '../scripts/readme-section';
import { ACCOUNT_LINKED_MESSAGE, AMBIGUOUS_EMAIL_MESSAGE, LINKING_FAILED_MESSAGE } from '../src/account-linking/private/linking-contract';

const ROOT = path.join(__dirname, '..');

/** Rows of the table under "## Troubleshooting" whose "from" column names our code. */
function ourMessages(): { message: string; from: string }[] {
  return readmeSection('## Troubleshooting').lines
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | '))
    .map(([quoted, from]) => ({ message: quoted, from: from.trim() }))
    .filter(({ from }) => from.startsWith('handler') || from === 'account linking trigger');
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourcesUnder(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/**
 * The handler's code as the messages read: strings joined across `+`, and
 * every interpolation `${...}` shown as the README shows a varying part, `…`.
 */
const HANDLER_CODE = sourcesUnder(path.join(ROOT, 'lambda'))
  .map((file) => readFileSync(file, 'utf-8')).join('\n')
  .replace(/['`]\s*\+\s*['`]/g, '')
  .replace(/\$\{[^}]*\}/g, '…');

/** What Cognito shows of a refused pre sign-up: its prefix, then the trigger's message. */
const PRE_SIGN_UP_PREFIX = 'error_description=PreSignUp failed with error ';

/**
 * The fixed parts of the messages quoted in one cell, each backticked text
 * cut at every `…`. Operation and error names before `failed:` are AWS's
 * (the handler names whichever call failed with whatever error), so only
 * what the handler writes itself is looked for.
 */
function fixedParts(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)]
    .flatMap((m) => m[1].replace(/^(\w+|…) failed: \w+: …/, '').split('…'))
    .map((part) => part.trim())
    .filter((part) => part.length >= 4);
}

describe('README troubleshooting', () => {
  const rows = ourMessages();

  test('quotes the handler and the trigger', () => {
    expect(rows.filter((row) => row.from.startsWith('handler')).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((row) => row.from === 'account linking trigger').length).toBe(3);
  });

  test.each(rows.filter((row) => row.from.startsWith('handler')).map((row) => [row.message.slice(2, 60), row] as const))(
    'handler: %s… is what the handler says', (_, row) => {
      const missing = fixedParts(row.message).filter((part) => !HANDLER_CODE.includes(part));
      expect(missing).toEqual([]);
    });

  test.each(rows.filter((row) => row.from === 'account linking trigger').map((row) => [row.message.slice(2, 60), row] as const))(
    'trigger: %s… is what the trigger says', (_, row) => {
      const quoted = /`([^`]+)`/.exec(row.message)![1];
      expect(quoted.startsWith(PRE_SIGN_UP_PREFIX)).toBe(true);
      const start = quoted.slice(PRE_SIGN_UP_PREFIX.length).split('…')[0];
      const triggerMessages = [ACCOUNT_LINKED_MESSAGE, AMBIGUOUS_EMAIL_MESSAGE, LINKING_FAILED_MESSAGE];
      expect(triggerMessages.filter((message) => message.startsWith(start))).toHaveLength(1);
    });
});
