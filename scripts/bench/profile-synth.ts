/**
 * A CPU profile of the synth benchmark's app (scripts/bench/alternatives.ts,
 * the same builders bench.ts times): two warm-up synths, then `runs` synths
 * profiled, written as a V8 .cpuprofile for scripts/bench/profile-top.ts or
 * Chrome DevTools.
 *
 *   ts-node --project scripts/tsconfig.json scripts/bench/profile-synth.ts OUT.cpuprofile [clients=30] [runs=10] [ours|hand]
 *
 * CDK_VALIDATION=false leaves out aws-cdk-lib's template validation, as the
 * benchmark's "without" rows do.
 */
import { writeFileSync } from 'fs';
import { Session } from 'inspector';
import { loginByHand, loginWithLibrary, settingsFile } from './alternatives';
import { brandingImages, cleanAll, cleanOutputs, freshTemplateValidator, synth } from './fixtures';

const [out, clientsArg, runsArg, which] = process.argv.slice(2);
const clients = Number(clientsArg ?? 30);
const runs = Number(runsArg ?? 10);
const byHand = which === 'hand';
const images = brandingImages();
const settings = settingsFile(images);
const once = () => {
  freshTemplateValidator();
  synth(byHand ? loginByHand(clients, images, settings) : loginWithLibrary(clients, images));
  cleanOutputs();
};

const session = new Session();
session.connect();
const post = (method: string, params?: object) => new Promise<any>((resolve, reject) =>
  session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));

async function main(): Promise<void> {
  once();
  once();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) once();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  const { profile } = await post('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${runs} synths of ${clients} clients (${byHand ? 'by hand' : 'ours'}, validation ${process.env.CDK_VALIDATION === 'false' ? 'off' : 'on'}): `
    + `${(elapsed / runs).toFixed(0)} ms each; profile in ${out}`);
  cleanAll();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
