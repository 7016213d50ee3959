import * as fs from 'fs';
import * as path from 'path';
import { captureConsole, context, createEvent, deleteEvent } from './helpers';
import { RESOURCE_TYPES } from '../../lambda/registry';
import { MANAGED_LOGIN_BRANDING_TYPE } from '../../src/branding/private/branding-contract';

/**
 * The file that ships: assets/handler/index.js, built by `npx projen bundle`
 * (the test task builds it first). It carries its own copy of the SDK, which
 * the mocks of the other tests do not reach, so only paths that make no AWS
 * call are run here; they prove the bundle loads and dispatches.
 */
const BUNDLE = path.join(__dirname, '..', '..', 'assets', 'handler', 'index.js');

captureConsole();

function loadBundle(): { handler: (event: unknown, context: unknown) => Promise<unknown> } {
  if (!fs.existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run npx projen bundle`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(BUNDLE);
}

test('the bundle exports the handler', () => {
  expect(typeof loadBundle().handler).toBe('function');
});

test('the bundle answers the Delete that follows a failed branding Create without calling AWS', async () => {
  // WHEN
  const result = await loadBundle().handler(deleteEvent(MANAGED_LOGIN_BRANDING_TYPE, 'CREATE_FAILED_MARKER', {}), context());

  // THEN
  expect(result).toEqual({ PhysicalResourceId: 'CREATE_FAILED_MARKER' });
});

test('the bundle refuses an unknown resource type naming every type it serves', async () => {
  // GIVEN the registered types, named as the handler lists them
  const served = RESOURCE_TYPES.map((entry) => entry.type.resourceType);

  // WHEN / THEN
  await expect(loadBundle().handler(createEvent('Custom::Other', {}), context()))
    .rejects.toThrow(`this handler serves ${served.slice(0, -1).join(', ')} and ${served[served.length - 1]}`);
});

test('the bundle is self-contained: it requires only Node.js built-ins', () => {
  // GIVEN every module the bundle asks for at run time
  const code = fs.readFileSync(BUNDLE, 'utf-8');
  const required = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];

  // THEN all are built-ins; the one exception is text, not code: an SDK error
  // message that tells users to `require("@aws-sdk/signature-v4-crt")` for SigV4a
  const external = required.filter((name) => !name.startsWith('node:'));
  expect(external.filter((name) => name !== '@aws-sdk/signature-v4-crt')).toEqual([]);
  expect(required).toContain('node:https');
});
