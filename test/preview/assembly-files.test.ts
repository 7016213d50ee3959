// The preview reads only files inside the cloud assembly: a crafted cdk.out
// whose manifests name a path out of it (relative, absolute, or through a
// symbolic link) must not get that file into a page, and the error or the
// page's note names who named which file and why it was not read.
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './render';
import { createApp } from '../../examples/classic-pages';
import { readAssembly } from '../../src/preview/assembly';
import { writePreviews } from '../../src/preview/write-previews';

/** A file outside every assembly, as a private key or /etc/passwd would be. */
function secretFile(): string {
  const file = path.join(tempDir('secret'), 'id_rsa');
  fs.writeFileSync(file, '-----BEGIN SECRET-----');
  return file;
}

/** The classic-pages example synthesized into a fresh assembly; returns its directory. */
function assembly(): string {
  const dir = tempDir('crafted');
  createApp({ outdir: dir }).synth();
  return dir;
}

function editJson(file: string, edit: (json: any) => void): void {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json));
}

/** The asset manifest entry of the staged logo (the one .png file asset). */
function logoAsset(json: any): { source: { path: string } } {
  return Object.values(json.files).find((f: any) => f.source.path.endsWith('.png')) as any;
}

const SECRET_BASE64 = Buffer.from('-----BEGIN SECRET-----').toString('base64');

async function previewOf(dir: string) {
  const result = await writePreviews(dir, tempDir('preview'), { browser: false });
  const web = result.pages.find((p) => p.client === 'Web')!;
  return { problems: web.problems, html: fs.readFileSync(web.html, 'utf8') };
}

describe('a crafted cloud assembly cannot make the preview read a file outside it', () => {
  test('GIVEN a manifest whose templateFile climbs out WHEN read THEN refused, naming the manifest entry, the path and where it leads', () => {
    const dir = assembly();
    const secret = secretFile();
    const relative = path.relative(dir, secret);
    editJson(path.join(dir, 'manifest.json'), (m) => { m.artifacts.ClassicPages.properties.templateFile = relative; });

    expect(() => readAssembly(dir)).toThrow(
      `${path.join(fs.realpathSync(dir), 'manifest.json')}: artifacts.ClassicPages.properties.templateFile names "${relative}", `
      + `which leads to ${fs.realpathSync(secret)}, outside the cloud assembly ${fs.realpathSync(dir)}: the preview reads only files inside it`);
  });

  test('GIVEN an asset manifest whose logo source is an absolute path outside WHEN previewed THEN the page notes it and does not carry the file', async () => {
    const dir = assembly();
    const secret = secretFile();
    editJson(path.join(dir, 'ClassicPages.assets.json'), (a) => { logoAsset(a).source.path = secret; });

    const { problems, html } = await previewOf(dir);
    expect(problems).toEqual([expect.stringMatching(new RegExp(
      `^the logo \\(\\w+\\.png\\) is not read: .*ClassicPages\\.assets\\.json: files\\.\\w+\\.source\\.path names "${secret}", which leads to .*id_rsa, outside the cloud assembly`))]);
    expect(html).not.toContain(SECRET_BASE64);
  });

  test('GIVEN a staged logo replaced by a symbolic link out of the assembly WHEN previewed THEN the page notes the link and does not carry the file', async () => {
    const dir = assembly();
    const secret = secretFile();
    let staged = '';
    editJson(path.join(dir, 'ClassicPages.assets.json'), (a) => { staged = logoAsset(a).source.path; });
    fs.rmSync(path.join(dir, staged));
    fs.symlinkSync(secret, path.join(dir, staged));

    const { problems, html } = await previewOf(dir);
    expect(problems).toEqual([expect.stringContaining(`names "${staged}", which leads (through a symbolic link) to ${fs.realpathSync(secret)}, outside the cloud assembly`)]);
    expect(html).not.toContain(SECRET_BASE64);
  });

  test('GIVEN a nested assembly directory outside WHEN read THEN refused', () => {
    const dir = assembly();
    editJson(path.join(dir, 'manifest.json'), (m) => {
      m.artifacts.Outside = { type: 'cdk:cloud-assembly', properties: { directoryName: '..', displayName: 'Outside' } };
    });

    expect(() => readAssembly(dir)).toThrow(/manifest\.json: artifacts\.Outside\.properties\.directoryName names "\.\.", which leads to .*, outside the cloud assembly/);
  });

  test('GIVEN a symbolic link that stays inside the assembly WHEN previewed THEN the logo is read as before', async () => {
    const dir = assembly();
    let staged = '';
    editJson(path.join(dir, 'ClassicPages.assets.json'), (a) => { staged = logoAsset(a).source.path; });
    fs.renameSync(path.join(dir, staged), path.join(dir, 'logo-copy.png'));
    fs.symlinkSync('logo-copy.png', path.join(dir, staged));

    const { problems, html } = await previewOf(dir);
    expect(problems).toEqual([]);
    expect(html).toContain(`data-preview="logo" alt="logo" src="data:image/png;base64,${fs.readFileSync(path.join(dir, 'logo-copy.png')).toString('base64')}"`);
  });
});
