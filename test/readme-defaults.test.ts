// The README's table of defaults puts each default of a new CognitoLogin
// beside aws-cdk-lib's and Cognito's, says which can change once the pool
// exists, and names the props that keep aws-cdk-lib's behaviour; its port of
// an aws-cdk-lib app says the port replaces nothing. Each claim is checked
// here against what the libraries synthesize, so a default changed in the
// code (or in aws-cdk-lib) and not in the README fails.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { readmeSection, typescriptBlocks } from '../scripts/readme-section';
import { CognitoLogin, LoginDomain } from '../src';

const ROOT = path.join(__dirname, '..');
const TABLE = "## Defaults beside aws-cdk-lib's and Cognito's";
const PORT = '## Port an aws-cdk-lib app';

/**
 * Properties whose change makes CloudFormation replace the resource (its
 * "Update requires: Replacement"), per type: for the pool
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html
 * (Cognito itself cannot change them: cognito-user-pool-updating.html), and
 * the pages of AWS::Cognito::UserPoolClient, UserPoolDomain and
 * UserPoolIdentityProvider beside it.
 */
const REPLACED_BY: { readonly [type: string]: readonly string[] } = {
  'AWS::Cognito::UserPool': ['UsernameAttributes', 'AliasAttributes', 'UsernameConfiguration'],
  'AWS::Cognito::UserPoolClient': ['UserPoolId', 'GenerateSecret'],
  'AWS::Cognito::UserPoolDomain': ['UserPoolId', 'Domain'],
  'AWS::Cognito::UserPoolIdentityProvider': ['UserPoolId', 'ProviderName', 'ProviderType'],
};

/** Resource attributes (not properties) a row may name. */
const RESOURCE_ATTRIBUTES = ['DeletionPolicy', 'UpdateReplacePolicy'];

interface Row {
  readonly setting: string;
  /** `Property.Member`, on the pool unless it starts with `UserPoolClient.` or `UserPoolDomain.`. */
  readonly path: string;
  readonly login: string;
  readonly cdk: string;
  readonly cognito: string;
  readonly change: string;
  readonly keeps: string;
}

/** The rows of the table, each cell trimmed. */
function tableRows(): Row[] {
  return readmeSection(TABLE).lines
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Setting '))
    .map((line) => line.slice(2, -2).split(' | ').map((cell) => cell.trim()))
    .map(([setting, login, cdk, cognitoDefault, change, keeps]) => ({
      setting, path: firstCode(setting)!, login, cdk, cognito: cognitoDefault, change, keeps,
    }));
}

function firstCode(cell: string): string | undefined {
  return /`([^`]+)`/.exec(cell)?.[1];
}

/** A value cell: "not written", or its first code span as JSON (undefined when it has none). */
function cellValue(cell: string): { readonly written: boolean; readonly value?: unknown } {
  if (cell.startsWith('not written')) return { written: false };
  const code = firstCode(cell);
  return { written: true, value: code === undefined ? undefined : JSON.parse(code) };
}

/** The CloudFormation type and the path inside it of a row's setting. */
function locate(settingPath: string): { type: string; segments: string[] } {
  const [first, ...rest] = settingPath.split('.');
  const type = ['UserPoolClient', 'UserPoolDomain'].includes(first) ? first : 'UserPool';
  return { type: `AWS::Cognito::${type}`, segments: type === 'UserPool' ? [first, ...rest] : rest };
}

/** The value a template gives a row's setting (undefined when not written). */
function valueAt(template: Template, settingPath: string): unknown {
  const { type, segments } = locate(settingPath);
  const resources = Object.values<any>(template.findResources(type));
  expect(resources).toHaveLength(1);
  const [resource] = resources;
  return walk(RESOURCE_ATTRIBUTES.includes(segments[0]) ? resource : resource.Properties, segments);
}

/** The value at `segments` of a JSON value; `A[*]` maps the rest of the path over the list A. */
function walk(value: any, segments: string[]): unknown {
  if (segments.length === 0 || value === undefined) return value;
  const [segment, ...rest] = segments;
  if (segment.endsWith('[*]')) {
    return (value[segment.slice(0, -3)] as unknown[] | undefined)?.map((item) => walk(item, rest));
  }
  return walk(value[segment], rest);
}

/** A README block as a module beside src/ that builds its stack; `AuthStack` of the block, instantiated. */
function stackOfBlock(dir: string, index: number): Stack {
  const src = path.relative(dir, path.join(ROOT, 'src')).split(path.sep).join('/');
  const file = path.join(dir, `block${index}.ts`);
  writeFileSync(file, typescriptBlocks(PORT)[index].replace(/from 'cdk-cognito-login'/g, `from '${src}'`));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the snippet is running it
  const { AuthStack } = require(file);
  return new AuthStack(new App(), 'AuthStack');
}

describe('README defaults table', () => {
  // GIVEN a minimal CognitoLogin, the same with the props the table says keep
  // aws-cdk-lib's behaviour (the README's own block), and aws-cdk-lib's constructs left to their defaults
  const dir = mkdtempSync(path.join(ROOT, 'test', '.readme-'));
  const loginStack = new Stack(new App(), 'Login');
  new CognitoLogin(loginStack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-prod') })
    .addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
  const cdkStack = new Stack(new App(), 'Cdk');
  const pool = new cognito.UserPool(cdkStack, 'UserPool');
  pool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'acme-prod' } });
  pool.addClient('Web');
  const login = Template.fromStack(loginStack);
  const cdk = Template.fromStack(cdkStack);
  const keeps = Template.fromStack(stackOfBlock(dir, 2));
  const keepsBlock = typescriptBlocks(PORT)[2].replace(/\s+/g, ' ');
  const rows = tableRows();

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('has rows', () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  test.each(rows.map((row) => [row.path, row]))('%s: CognitoLogin writes what the table says', (_, row) => {
    const { written, value } = cellValue(row.login);
    expect(valueAt(login, row.path)).toEqual(written ? value : undefined);
  });

  test.each(rows.map((row) => [row.path, row]))('%s: aws-cdk-lib writes what the table says', (_, row) => {
    const { written, value } = cellValue(row.cdk);
    expect(valueAt(cdk, row.path)).toEqual(written ? value : undefined);
  });

  test.each(rows.map((row) => [row.path, row]))('%s: the props in the last column keep aws-cdk-lib\'s behaviour', (_, row) => {
    // WHEN aws-cdk-lib writes a value, the kept login writes the same; when it leaves the setting
    // to Cognito, the kept login leaves it too or writes Cognito's default
    const cdkValue = valueAt(cdk, row.path);
    const kept = valueAt(keeps, row.path);
    if (cdkValue !== undefined || kept !== undefined) {
      expect(kept).toEqual(cdkValue ?? cellValue(row.cognito).value);
    }
    // THEN the props named in the row are those of the README's block
    const props = firstCode(row.keeps);
    if (props !== undefined) {
      expect(keepsBlock).toContain(props);
    }
  });

  test.each(rows.map((row) => [row.path, row]))('%s: fixed or changed in place as CloudFormation says', (_, row) => {
    const { type, segments } = locate(row.path);
    expect(row.change.startsWith('fixed')).toBe((REPLACED_BY[type] ?? []).includes(segments[0]));
  });

  test('every pool, client and domain property CognitoLogin writes unlike aws-cdk-lib has a row', () => {
    // WHEN the top-level properties of each resource are compared
    const differing = ['UserPool', 'UserPoolClient', 'UserPoolDomain'].flatMap((kind) => {
      const type = `AWS::Cognito::${kind}`;
      const [ours] = Object.values<any>(login.findResources(type));
      const [theirs] = Object.values<any>(cdk.findResources(type));
      const names = new Set([...Object.keys(ours.Properties), ...Object.keys(theirs.Properties)]);
      return [...names]
        // the pool's reference and the client's redirect settings are the app's, not defaults
        .filter((name) => !['UserPoolId', 'CallbackURLs', 'ClientName'].includes(name))
        .filter((name) => JSON.stringify(ours.Properties[name]) !== JSON.stringify(theirs.Properties[name]))
        .map((name) => (kind === 'UserPool' ? name : `${kind}.${name}`));
    });

    // THEN the table names each of them
    const covered = rows.map((row) => row.path.replace(/\[\*\]/g, ''));
    expect(differing.filter((name) => !covered.some((p) => p === name || p.startsWith(`${name}.`)))).toEqual([]);
  });
});

describe('README port of an aws-cdk-lib app', () => {
  // GIVEN the aws-cdk-lib app and its port, as the README writes them
  const dir = mkdtempSync(path.join(ROOT, 'test', '.readme-'));
  const before = Template.fromStack(stackOfBlock(dir, 0)).toJSON().Resources;
  const after = Template.fromStack(stackOfBlock(dir, 1)).toJSON().Resources;

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const kept = Object.entries<any>(before).filter(([, resource]) => REPLACED_BY[resource.Type] !== undefined);

  test('ports a pool, its domain, provider and client', () => {
    expect(kept.map(([, resource]) => resource.Type).sort()).toEqual([
      'AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolDomain', 'AWS::Cognito::UserPoolIdentityProvider',
    ]);
  });

  test.each(kept.map(([id, resource]) => [`${resource.Type} ${id}`, id, resource]))(
    '%s keeps its logical id and every property whose change replaces it', (_, id, resource) => {
      // THEN CloudFormation updates it in place: the same logical id, the same fixed properties
      expect(after[id]?.Type).toBe(resource.Type);
      for (const property of REPLACED_BY[resource.Type]) {
        expect([property, after[id].Properties[property]]).toEqual([property, resource.Properties[property]]);
      }
    });

  test('the pool and the client are left exactly as they were', () => {
    for (const [id, resource] of kept.filter(([, r]) => ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient'].includes(r.Type))) {
      expect(after[id]).toEqual(resource);
    }
  });
});
