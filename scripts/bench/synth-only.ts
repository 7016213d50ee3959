/**
 * Table 2 alone (synth time against the hand-written stack), for iterating
 * on synth cost without the rest of the benchmarks:
 *
 *   ts-node --project scripts/tsconfig.json scripts/bench/synth-only.ts [pairs=10] [clients=3,30]
 */
import { settingsFile } from './alternatives';
import { brandingImages, cleanAll } from './fixtures';
import { plain } from './report';
import { synthTimeTable } from './synth-time';

const pairs = Number(process.argv[2] ?? 10);
const clients = (process.argv[3] ?? '3,30').split(',').map(Number);
const images = brandingImages();
console.log(plain(synthTimeTable(images, settingsFile(images), clients, { pairs, warmup: 2 })));
cleanAll();
