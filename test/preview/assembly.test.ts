// The preview's reading of a cloud assembly and its HTML, without a browser:
// CloudFormation's own AWS::Cognito::ManagedLoginBranding (assets base64 in
// the template), and what the command writes when there is no browser.
import * as fs from 'fs';
import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { previewApp, tempDir } from './render';
import { EXAMPLE_ASSETS } from '../../examples/house-style';
import { createApp as createMcpServerLogin } from '../../examples/mcp-server-login';
import { parseArguments } from '../../src/preview/cli';
import { writePreviews } from '../../src/preview/write-previews';

const LOGO = fs.readFileSync(path.join(EXAMPLE_ASSETS, 'logo.png'));

function l1App(props: AppProps): App {
  const app = new App(props);
  const stack = new Stack(app, 'L1Style');
  const userPool = new cognito.UserPool(stack, 'Pool', { featurePlan: cognito.FeaturePlan.ESSENTIALS });
  const client = userPool.addClient('Shop', { userPoolClientName: 'Shop front' });
  new cognito.CfnManagedLoginBranding(stack, 'Style', {
    userPoolId: userPool.userPoolId,
    clientId: client.userPoolClientId,
    settings: { components: { pageBackground: { lightMode: { color: '123456ff' } }, form: { logo: { enabled: true } } } },
    assets: [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: LOGO.toString('base64') }],
  });
  return app;
}

describe('preview of an AWS::Cognito::ManagedLoginBranding, with no browser', () => {
  test('GIVEN an L1 style with an inline asset WHEN previewed without a browser THEN HTML only, with its color and logo, and one line saying so', async () => {
    const result = await previewApp(l1App, { browser: false });

    expect(result.pages.map((p) => [p.stack, p.client, p.kind, p.mode, path.basename(p.html)])).toEqual([
      ['L1Style', 'Shop front', 'managed login', 'light', 'Shop-front.light.html'],
      ['L1Style', 'Shop front', 'managed login', 'dark', 'Shop-front.dark.html'],
    ]);
    expect(result.pages.every((p) => p.png === undefined && !fs.existsSync(p.html.replace(/html$/, 'png')))).toBe(true);
    expect(result.noBrowser).toBe('PNGs not requested: wrote HTML only.');
    const light = fs.readFileSync(result.pages[0].html, 'utf8');
    expect(light).toContain('background-color: #123456ff');
    expect(light).toContain(`data-preview="form-logo" alt="FORM_LOGO" src="data:image/png;base64,${LOGO.toString('base64')}"`);
    expect(light).toContain('Preview of layout and colors');
    expect(fs.readFileSync(result.index, 'utf8')).toContain('Shop-front.light.html');
  });
});

describe('the command line', () => {
  test('GIVEN no arguments THEN cdk.out, ./login-preview and both modes', () => {
    expect(parseArguments([])).toEqual({ assembly: 'cdk.out', out: 'login-preview', modes: ['light', 'dark'], browser: undefined });
  });

  test('GIVEN every option THEN each is read', () => {
    expect(parseArguments(['app.out', '--out', 'pics', '--mode', 'dark', '--no-browser']))
      .toEqual({ assembly: 'app.out', out: 'pics', modes: ['dark'], browser: false });
  });

  test('GIVEN a bad mode THEN it is refused with what is allowed', () => {
    expect(() => parseArguments(['--mode', 'sepia'])).toThrow('--mode must be light, dark or both, not "sepia"');
  });
});

describe('classic pages of a pool whose only client is a machine client', () => {
  test('GIVEN the mcp-server-login example (a registrar machine client, clients registered at run time) WHEN previewed THEN one page for the pool-wide style, none for the machine client', async () => {
    // GIVEN
    const dir = tempDir('mcp-assembly');
    createMcpServerLogin({ outdir: dir }).synth();

    // WHEN
    const result = await writePreviews(dir, tempDir('mcp-preview'), { browser: false });

    // THEN: the registrar signs in with client credentials and never opens a page
    expect([...new Set(result.pages.map((p) => p.client))]).toEqual(['ALL']);
  });
});
