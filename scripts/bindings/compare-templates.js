#!/usr/bin/env node
/**
 * Compares the cloud assembly one language's app synthesized with the one the
 * TypeScript reference app synthesized (scripts/test-bindings.sh).
 *
 *   node scripts/bindings/compare-templates.js <reference cdk.out> <candidate cdk.out> [--handler <file>]
 *
 * Every stack template of the reference must exist in the candidate and be
 * equal to it once what legitimately differs between two synths is taken out:
 * CDK metadata (construct paths, asset paths, the CDKMetadata resource and its
 * condition, the bootstrap version parameter and rule) and the hashes of
 * directory assets (64 hex digits, alone or inside an S3 key). Those are masked,
 * not compared, because each language may run on another aws-cdk-lib release,
 * whose custom-resource entrypoint, copied beside the handler, changes the
 * handler directory's hash. File assets (settings documents, images, CSS) keep
 * their hashes: equal hashes prove each language staged the same bytes.
 *
 * The candidate's assets are checked too, because a file the constructs need
 * at run time is only proven found by the asset it produced: every file asset
 * its manifests list must be staged in the cdk.out, and with --handler, one
 * staged directory must hold an index.js of that file's size (the bundled
 * custom-resource handler).
 *
 * With --self-test <reference cdk.out> --handler <file>, it damages copies of
 * the reference (a property, a file asset's bytes, a missing file asset, a
 * missing handler) and checks that each is reported, so a green run means
 * the comparison could have failed.
 *
 * Prints "OK" or the first difference; exits 0 when equal, 1 when not, 2 on
 * bad usage.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const HASH = /[0-9a-f]{64}/g;
const MASK = '<directory-asset-hash>';

/** Template sections whose members are CDK bookkeeping, not the user's infrastructure. */
const BOOKKEEPING = {
  Resources: ['CDKMetadata'],
  Conditions: ['CDKMetadataAvailable'],
  Parameters: ['BootstrapVersion'],
  Rules: ['CheckBootstrapVersion'],
};

function usage(message) {
  process.stderr.write(`${message}\nusage: compare-templates.js <reference cdk.out> <candidate cdk.out> [--handler <file>]\n`);
  process.exit(2);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Masks the given hashes in every string, keys included. */
function mask(value, hashes) {
  const maskText = (text) => text.replace(HASH, (hash) => (hashes.has(hash) ? MASK : hash));
  if (typeof value === 'string') {
    return maskText(value);
  }
  if (Array.isArray(value)) {
    return value.map((member) => mask(member, hashes));
  }
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [key, member] of Object.entries(value)) {
      out[maskText(key)] = mask(member, hashes);
    }
    return out;
  }
  return value;
}

/** Drops the CDK metadata of a resource; returns the resource without it. */
function withoutCdkMetadata(resource) {
  if (!resource.Metadata) {
    return resource;
  }
  const metadata = {};
  for (const [key, value] of Object.entries(resource.Metadata)) {
    if (key !== 'aws:cdk:path' && !key.startsWith('aws:asset:')) {
      metadata[key] = value;
    }
  }
  const { Metadata: _dropped, ...rest } = resource;
  return Object.keys(metadata).length > 0 ? { ...rest, Metadata: metadata } : rest;
}

/** Normalizes a template; `maskedHashes` are the asset hashes to hide (default: every 64-hex string). */
function normalize(template, maskedHashes = { has: () => true }) {
  const out = { ...template };
  for (const [section, names] of Object.entries(BOOKKEEPING)) {
    if (!out[section]) {
      continue;
    }
    const kept = { ...out[section] };
    for (const name of names) {
      delete kept[name];
    }
    if (Object.keys(kept).length > 0) {
      out[section] = kept;
    } else {
      delete out[section];
    }
  }
  if (out.Resources) {
    const resources = {};
    for (const [id, resource] of Object.entries(out.Resources)) {
      resources[id] = withoutCdkMetadata(resource);
    }
    out.Resources = resources;
  }
  return mask(out, maskedHashes);
}

function show(value) {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** JSON text with object keys sorted: key order carries no meaning in a template. */
function canonical(value) {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The first place where two JSON values differ, as "path: reference X, candidate Y"; undefined when equal. */
function firstDifference(reference, candidate, where) {
  if (canonical(reference) === canonical(candidate)) {
    return undefined;
  }
  const bothObjects = reference !== null && candidate !== null
    && typeof reference === 'object' && typeof candidate === 'object'
    && Array.isArray(reference) === Array.isArray(candidate);
  if (!bothObjects) {
    return `${where}: reference ${show(reference)}, candidate ${show(candidate)}`;
  }
  if (Array.isArray(reference) && reference.length !== candidate.length) {
    return `${where}: reference has ${reference.length} items, candidate ${candidate.length}`;
  }
  const keys = [...new Set([...Object.keys(reference), ...Object.keys(candidate)])].sort();
  for (const key of keys) {
    const inner = firstDifference(reference[key], candidate[key], where ? `${where}.${key}` : key);
    if (inner) {
      return inner;
    }
  }
  return undefined;
}

/**
 * The project's one cloud-assembly reader: the login page preview's
 * (src/preview/assembly.ts), compiled into lib/ by the jsii build that
 * scripts/test-bindings.sh runs before any comparison.
 */
const { readAssembly } = require('../../lib/preview/assembly.js');

/** Every stack of a cloud assembly, nested assemblies included: its id, its assembly's folder, its template file. */
function stackArtifacts(outdir) {
  return readAssembly(outdir).map((stack) => ({ id: stack.id, outdir: stack.directory, template: stack.templateFile, assets: stack.assets() }));
}

/** Hashes of the directory (zip) assets of a stack. */
function directoryAssetHashes(stack) {
  return new Set(stack.assets.filter((asset) => asset.packaging === 'zip').map((asset) => asset.hash));
}

/** Problems with the file assets of a stack: sources its asset manifests list but that are not staged. */
function missingAssets(stack) {
  return stack.assets.filter((asset) => asset.sourcePath === undefined)
    .map((asset) => `${stack.id}: file asset ${asset.hash.slice(0, 12)}... (${asset.displayName ?? asset.source}) is not staged at ${asset.source}`);
}

/** Whether some staged asset directory of the cloud assembly holds an index.js of the handler's size. */
function handlerStaged(outdir, handlerFile) {
  const size = fs.statSync(handlerFile).size;
  for (const entry of fs.readdirSync(outdir, { withFileTypes: true })) {
    const index = path.join(outdir, entry.name, 'index.js');
    if (entry.isDirectory() && entry.name.startsWith('asset.') && fs.existsSync(index) && fs.statSync(index).size === size) {
      return true;
    }
  }
  return false;
}

function compare(referenceDir, candidateDir, handlerFile) {
  const references = stackArtifacts(referenceDir);
  if (references.length === 0) {
    return `reference ${referenceDir} holds no stack`;
  }
  const candidates = new Map(stackArtifacts(candidateDir).map((s) => [s.id, s]));
  for (const reference of references) {
    const candidate = candidates.get(reference.id);
    if (!candidate) {
      return `stack ${reference.id} is missing (candidate has: ${[...candidates.keys()].join(', ') || 'none'})`;
    }
    const difference = firstDifference(
      normalize(readJson(path.join(reference.outdir, reference.template)), directoryAssetHashes(reference)),
      normalize(readJson(path.join(candidate.outdir, candidate.template)), directoryAssetHashes(candidate)),
      reference.id,
    );
    if (difference) {
      return difference;
    }
    const missing = missingAssets(candidate);
    if (missing.length > 0) {
      return missing[0];
    }
    if (handlerFile && !handlerStaged(candidate.outdir, handlerFile)) {
      const size = fs.statSync(handlerFile).size;
      return `no asset directory of ${candidate.outdir} holds the handler index.js (${size} bytes, like ${handlerFile})`;
    }
  }
  return undefined;
}

/**
 * Proves the comparison can fail: damaged copies of a good cloud assembly must
 * each be reported. Returns the checks that wrongly passed.
 */
function selfTest(referenceDir, handlerFile) {
  const [stack] = stackArtifacts(referenceDir);
  const fileHashes = [...new Set(
    stack.assets.filter((asset) => asset.packaging === 'file' && asset.source !== stack.template).map((asset) => asset.hash))];
  const damages = {
    'a changed property value': (dir) => {
      const file = path.join(dir, stack.template);
      const template = readJson(file);
      const [id, resource] = Object.entries(template.Resources).find(([, r]) => r.Type !== 'AWS::CDK::Metadata');
      template.Resources[id] = { ...resource, Properties: { ...resource.Properties, BindingsSelfTest: 'changed' } };
      fs.writeFileSync(file, JSON.stringify(template));
    },
    'a file asset staged with other bytes': (dir) => {
      const file = path.join(dir, stack.template);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split(fileHashes[0]).join('0'.repeat(64)));
    },
    'a file asset not staged': (dir) => {
      const source = `asset.${fileHashes[0]}`;
      for (const name of fs.readdirSync(dir).filter((f) => f.startsWith(source))) {
        fs.rmSync(path.join(dir, name), { recursive: true });
      }
    },
    'the handler not staged': (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name.startsWith('asset.')) {
          fs.rmSync(path.join(dir, entry.name, 'index.js'), { force: true });
        }
      }
    },
  };
  const wronglyPassed = [];
  if (compare(referenceDir, referenceDir, handlerFile)) {
    wronglyPassed.push('the reference against itself failed');
  }
  for (const [name, damage] of Object.entries(damages)) {
    if (fileHashes.length === 0 && name.includes('file asset')) {
      wronglyPassed.push(`${name}: the reference has no file asset to damage`);
      continue;
    }
    const copy = fs.mkdtempSync(path.join(require('os').tmpdir(), 'bindings-self-test-'));
    try {
      fs.cpSync(referenceDir, copy, { recursive: true });
      damage(path.join(copy, path.relative(fs.realpathSync(referenceDir), stack.outdir)));
      if (!compare(referenceDir, copy, handlerFile)) {
        wronglyPassed.push(`${name} was not detected`);
      }
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }
  return wronglyPassed;
}

function main(argv) {
  const positional = [];
  let handlerFile;
  let selfTesting = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--self-test') {
      selfTesting = true;
    } else if (argv[i] === '--handler') {
      handlerFile = argv[++i];
      if (!handlerFile || !fs.existsSync(handlerFile)) {
        usage(`--handler needs an existing file, got ${handlerFile}`);
      }
    } else {
      positional.push(argv[i]);
    }
  }
  if (positional.length !== (selfTesting ? 1 : 2)) {
    usage(selfTesting ? 'expected one cloud assembly directory with --self-test' : 'expected two cloud assembly directories');
  }
  for (const dir of positional) {
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      usage(`${dir} is not a cloud assembly (no manifest.json)`);
    }
  }
  if (selfTesting) {
    if (!handlerFile) {
      usage('--self-test needs --handler');
    }
    const wronglyPassed = selfTest(positional[0], handlerFile);
    process.stdout.write(`${wronglyPassed.length === 0 ? 'OK' : wronglyPassed.join('; ')}\n`);
    process.exit(wronglyPassed.length === 0 ? 0 : 1);
  }
  const difference = compare(positional[0], positional[1], handlerFile);
  process.stdout.write(`${difference ?? 'OK'}\n`);
  process.exit(difference ? 1 : 0);
}

if (require.main === module) {
  main(process.argv.slice(2));
}

module.exports = { normalize, firstDifference, compare, selfTest };
