import {
  GetUICustomizationCommand,
  InvalidParameterException,
  ResourceNotFoundException,
  SetUICustomizationCommand,
  SetUICustomizationRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  captureConsole, CLIENT, cognito, context, createEvent, deleteEvent, fakeParameters, imageBytes, inputsOf, instantHandler, OTHER_CLIENT,
  POOL, resetMocks, s3, STACK_ID, stageFile, updateEvent,
} from './helpers';
import { decodeClaim } from '../../lambda/shared/claim-record';
import { CLASSIC_CUSTOMIZATION_TYPE } from '../../src/classic/private/classic-contract';
import { ALL_CLIENTS, claimParameterName } from '../../src/private/custom-resource-contract';

captureConsole();

/** The claim's owner and previous owners, oldest last. */
function owners(clientId: string): { owner: string; previous: string[] } | undefined {
  const claim = decodeClaim(parameters.get(claimParameterName(POOL, 'classic', clientId)));
  return claim && { owner: claim.owner, previous: claim.previous.map((p) => p.owner) };
}

const TYPE = CLASSIC_CUSTOMIZATION_TYPE;
const CSS = '.submitButton-customizable { background-color: #0972d3; } /* ünïcode kept */';
const LOGO = imageBytes('CLASSIC-LOGO');

let css: ReturnType<typeof stageFile>;
let logo: ReturnType<typeof stageFile>;
let parameters: Map<string, string>;
let classic: Map<string, { CSS?: string; ImageFile?: Uint8Array }>;

beforeEach(() => {
  resetMocks();
  parameters = fakeParameters();
  css = stageFile('style.css', CSS);
  logo = stageFile('logo.png', LOGO);
  classic = fakeClassic();
});

/** The pool's classic customizations by target, with Cognito's semantics: a set replaces both, an empty set clears, Get falls back to ALL. */
function fakeClassic(): Map<string, { CSS?: string; ImageFile?: Uint8Array }> {
  const state = new Map<string, { CSS?: string; ImageFile?: Uint8Array }>();
  cognito.on(SetUICustomizationCommand).callsFake(async (input: SetUICustomizationRequest) => {
    const target = input.ClientId ?? ALL_CLIENTS;
    if (input.CSS === undefined && input.ImageFile === undefined) {
      state.delete(target);
    } else {
      state.set(target, { CSS: input.CSS, ImageFile: input.ImageFile });
    }
    return {};
  });
  cognito.on(GetUICustomizationCommand).callsFake(async (input: { ClientId?: string }) => {
    const own = state.get(input.ClientId ?? ALL_CLIENTS);
    const [clientId, found] = own ? [input.ClientId, own] : [ALL_CLIENTS, state.get(ALL_CLIENTS)];
    return { UICustomization: found ? { ClientId: clientId, CSS: found.CSS, ...(found.ImageFile ? { ImageUrl: `https://example.cloudfront.net/${clientId}/${found.ImageFile.length}.png` } : {}) } : {} };
  });
  return state;
}

function props(clientId: string = ALL_CLIENTS, files: object = {}) {
  return { UserPoolId: POOL, ClientId: clientId, Css: css, Logo: logo, ...files };
}

describe('Create', () => {
  test('sets CSS text and raw logo bytes in one call for ALL clients', async () => {
    // WHEN
    const result = await instantHandler(createEvent(TYPE, props()), context());

    // THEN
    const inputs = inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ UserPoolId: POOL, ClientId: 'ALL', CSS });
    expect(inputs[0].ImageFile).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(inputs[0].ImageFile!).equals(Buffer.from(LOGO))).toBe(true);
    expect(result).toEqual({ PhysicalResourceId: `${POOL}:ALL` });
  });

  test('omits what is not declared', async () => {
    // GIVEN a per-client customization with CSS only
    const event = createEvent(TYPE, { UserPoolId: POOL, ClientId: CLIENT, Css: css });

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    expect(inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT, CSS }]);
    expect(result.PhysicalResourceId).toBe(`${POOL}:${CLIENT}`);
  });

  test('a rejected image fails with Cognito\'s reason verbatim', async () => {
    // GIVEN
    cognito.on(SetUICustomizationCommand).rejects(new InvalidParameterException({
      message: 'The uploaded image must be a valid .jpeg or .png file.',
      $metadata: { httpStatusCode: 400 },
    }));

    // WHEN / THEN
    await expect(instantHandler(createEvent(TYPE, props()), context()))
      .rejects.toThrow(/^SetUICustomization failed: InvalidParameterException: The uploaded image must be a valid \.jpeg or \.png file\.$/);
    expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(1);
  });

  test('defect 7: a customization with neither CSS nor logo, or an unknown property, is refused before any call', async () => {
    await expect(instantHandler(createEvent(TYPE, { UserPoolId: POOL, ClientId: CLIENT }), context()))
      .rejects.toThrow(`${TYPE}: Css or Logo (or both) is required`);
    await expect(instantHandler(createEvent(TYPE, { ...props(CLIENT), Favicon: logo }), context()))
      .rejects.toThrow(`${TYPE}: unknown property Favicon`);
    expect(cognito.calls()).toHaveLength(0);
  });

  test('records this resource as the target\'s owner', async () => {
    // WHEN
    await instantHandler(createEvent(TYPE, props()), context());

    // THEN
    expect(owners('ALL')).toEqual({ owner: `${STACK_ID}|Resource`, previous: [] });
  });

  test('a file reference without a Key is refused naming it', async () => {
    // GIVEN
    const event = createEvent(TYPE, props(CLIENT, { Logo: { Bucket: 'b', Hash: 'h' } }));

    // WHEN / THEN
    await expect(instantHandler(event, context())).rejects.toThrow(`${TYPE} Logo: property Key is required`);
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('Update', () => {
  test('with the same properties makes no call', async () => {
    // WHEN
    const result = await instantHandler(updateEvent(TYPE, `${POOL}:${CLIENT}`, props(CLIENT), props(CLIENT)), context());

    // THEN
    expect(cognito.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
    expect(result.PhysicalResourceId).toBe(`${POOL}:${CLIENT}`);
  });

  test('with a new logo sets both again, keeping the physical id', async () => {
    // GIVEN
    const newLogo = imageBytes('NEW-LOGO');
    const event = updateEvent(TYPE, `${POOL}:${CLIENT}`, props(CLIENT, { Logo: stageFile('logo-v2.png', newLogo) }), props(CLIENT));

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    const [input] = inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand);
    expect(input.CSS).toBe(CSS);
    expect(Buffer.from(input.ImageFile!).equals(Buffer.from(newLogo))).toBe(true);
    expect(result.PhysicalResourceId).toBe(`${POOL}:${CLIENT}`);
  });

  test('that drops the logo sends CSS alone, which clears the image', async () => {
    // GIVEN
    const { Logo: _dropped, ...cssOnly } = props(CLIENT);
    const event = updateEvent(TYPE, `${POOL}:${CLIENT}`, cssOnly, props(CLIENT));

    // WHEN
    await instantHandler(event, context());

    // THEN
    expect(inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT, CSS }]);
  });

  test('to another client sets that client and returns its physical id; the old one is left to the Delete', async () => {
    // WHEN
    const result = await instantHandler(updateEvent(TYPE, `${POOL}:${CLIENT}`, props(OTHER_CLIENT), props(CLIENT)), context());

    // THEN
    expect(inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand).map((i) => i.ClientId)).toEqual([OTHER_CLIENT]);
    expect(result.PhysicalResourceId).toBe(`${POOL}:${OTHER_CLIENT}`);
  });
});

describe('Delete', () => {
  test('defect 1: a renamed construct\'s clean-up Delete leaves the CSS and logo the new one set', async () => {
    // GIVEN Old set the target; the rename creates New for the same target
    const old = { logicalId: 'OldCustomization' };
    const renamed = { logicalId: 'NewCustomization' };
    await instantHandler(createEvent(TYPE, props(CLIENT), old), context());
    await instantHandler(createEvent(TYPE, props(CLIENT, { Logo: undefined }), renamed), context());
    cognito.resetHistory();

    // WHEN clean-up deletes Old (same physical id)
    await instantHandler(deleteEvent(TYPE, `${POOL}:${CLIENT}`, props(CLIENT), old), context());

    // THEN nothing was cleared, and New owns the target alone
    expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(0);
    expect(owners(CLIENT)).toEqual({ owner: `${STACK_ID}|NewCustomization`, previous: [] });
  });

  test('item 17.1.2: the rollback of a rename that also changed the CSS applies the old resource\'s CSS again and gives the target back', async () => {
    // GIVEN Old deployed; the rename creates New with other CSS, then the stack update fails
    const old = { logicalId: 'OldCustomization' };
    const renamed = { logicalId: 'NewCustomization' };
    await instantHandler(createEvent(TYPE, props(CLIENT), old), context());
    const newCss = stageFile('new.css', '.banner-customizable { background-color: #232f3e; }');
    await instantHandler(createEvent(TYPE, props(CLIENT, { Css: newCss }), renamed), context());
    expect(classic.get(CLIENT)!.CSS).toContain('#232f3e');

    // WHEN rollback deletes New
    await instantHandler(deleteEvent(TYPE, `${POOL}:${CLIENT}`, props(CLIENT, { Css: newCss }), renamed), context());

    // THEN the target holds Old's CSS and logo again, and Old owns it
    expect(classic.get(CLIENT)!.CSS).toBe(CSS);
    expect(Buffer.from(classic.get(CLIENT)!.ImageFile!).equals(Buffer.from(LOGO))).toBe(true);
    expect(owners(CLIENT)).toEqual({ owner: `${STACK_ID}|OldCustomization`, previous: [] });

    // AND the old one's own Delete later clears the target and its claim
    cognito.resetHistory();
    await instantHandler(deleteEvent(TYPE, `${POOL}:${CLIENT}`, props(CLIENT), old), context());
    expect(inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT }]);
    expect(parameters.size).toBe(0);
  });

  test('of the owner clears the target and deletes its claim', async () => {
    // GIVEN
    await instantHandler(createEvent(TYPE, props(CLIENT)), context());
    cognito.resetHistory();

    // WHEN
    await instantHandler(deleteEvent(TYPE, `${POOL}:${CLIENT}`, props(CLIENT)), context());

    // THEN
    expect(inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT }]);
    expect(parameters.size).toBe(0);
  });

  test('of a per-client customization clears that client only, never ALL', async () => {
    // WHEN
    const result = await instantHandler(deleteEvent(TYPE, `${POOL}:${CLIENT}`, props(CLIENT)), context());

    // THEN
    expect(inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT }]);
    expect(s3.calls()).toHaveLength(0);
    expect(result).toEqual({ PhysicalResourceId: `${POOL}:${CLIENT}` });
  });

  test('of the pool-wide customization clears ALL', async () => {
    // WHEN
    await instantHandler(deleteEvent(TYPE, `${POOL}:ALL`, props()), context());

    // THEN
    expect(inputsOf<SetUICustomizationRequest>(SetUICustomizationCommand)).toEqual([{ UserPoolId: POOL, ClientId: 'ALL' }]);
  });

  test('succeeds when the pool or client is gone', async () => {
    // GIVEN
    cognito.on(SetUICustomizationCommand).rejects(new ResourceNotFoundException({ message: 'User pool does not exist.', $metadata: { httpStatusCode: 400 } }));

    // WHEN
    const result = await instantHandler(deleteEvent(TYPE, `${POOL}:${CLIENT}`, props(CLIENT)), context());

    // THEN
    expect(result.PhysicalResourceId).toBe(`${POOL}:${CLIENT}`);
  });

  test('of a physical id that names no target succeeds without calls', async () => {
    // WHEN
    await instantHandler(deleteEvent(TYPE, 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED', props()), context());

    // THEN
    expect(cognito.calls()).toHaveLength(0);
  });
});
