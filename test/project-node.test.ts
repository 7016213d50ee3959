// The project's commands (npm test, npm run compat, npm run bench, the build)
// run on the pinned Node.js of scripts/lambda-node.json, not on the machine's
// (which may be past its end of life): scripts/project-node.sh puts it first on
// the PATH of those projen tasks (.projenrc.ts). This test is the proof that
// jest really ran on it; run by hand on another Node.js it fails and says how
// to run it instead.
import { lambdaNodeVersion } from '../standin/runner/lambda-node';

test('the tests run on the pinned Node.js, not the machine\'s', () => {
  const pinned = `v${lambdaNodeVersion()}`;
  if (process.version !== pinned) {
    throw new Error(`jest runs on Node.js ${process.version}, the project's commands on ${pinned}: `
      + 'run it through npm test, or bash scripts/project-node.sh npx jest <file>');
  }
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
});
