// CHANGELOG.md is kept by the project's own release task (projen's manual
// release trigger, set in .projenrc.ts): `npx projen release` bumps the
// version from the Conventional Commits since the last tag, prepends their
// entry to CHANGELOG.md, commits and tags. These tests play that task, as
// generated in .projen/tasks.json, in a scratch repository, so a change to
// the release set-up that stops the changelog being kept, or lets a breaking
// change out as a 1.x release, fails here.
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const PROJEN = path.join(ROOT, 'node_modules', 'projen', 'bin', 'projen');

/**
 * A scratch repository with the project's package.json, its generated tasks
 * and its CHANGELOG.md, pushing to a bare "origin" beside it. The `build`
 * step of `release` is the whole test task (CI runs it anyway); here it is
 * emptied so the release mechanics run in seconds.
 */
function scratchRepository(): { dir: string; git: (...args: string[]) => string; release: () => ReturnType<typeof spawnSync> } {
  const base = mkdtempSync(path.join(tmpdir(), 'cdk-cognito-login-release-'));
  const dir = path.join(base, 'repo');
  mkdirSync(path.join(dir, '.projen'), { recursive: true });
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  copyFileSync(path.join(ROOT, 'CHANGELOG.md'), path.join(dir, 'CHANGELOG.md'));
  const tasks = JSON.parse(readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf-8'));
  tasks.tasks.build.steps = [];
  writeFileSync(path.join(dir, '.projen', 'tasks.json'), JSON.stringify(tasks, undefined, 2));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, '.gitignore'), '/node_modules\n/dist/\n');

  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Release Test',
    GIT_AUTHOR_EMAIL: 'release@example.com',
    GIT_COMMITTER_NAME: 'Release Test',
    GIT_COMMITTER_EMAIL: 'release@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: base,
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf-8' });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', path.join(base, 'origin.git')], { env });
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', path.join(base, 'origin.git'));
  git('add', '-A');
  git('commit', '-q', '-m', 'chore: the project as it is');
  const release = () => spawnSync(process.execPath, [PROJEN, 'release'], { cwd: dir, env, encoding: 'utf-8' });
  return { dir, git, release };
}

function commit(repo: ReturnType<typeof scratchRepository>, file: string, message: string) {
  writeFileSync(path.join(repo.dir, file), message);
  repo.git('add', file);
  repo.git('commit', '-q', '-m', message);
}

describe('release task keeps CHANGELOG.md', () => {
  const repos: string[] = [];
  afterAll(() => repos.forEach((dir) => rmSync(path.dirname(dir), { recursive: true, force: true })));

  test('each release prepends its Conventional Commits to CHANGELOG.md, tags and pushes; 1.x only', () => {
    // GIVEN the project with a feature commit
    const repo = scratchRepository();
    repos.push(repo.dir);
    const history = readFileSync(path.join(repo.dir, 'CHANGELOG.md'), 'utf-8');
    commit(repo, 'a.txt', 'feat(branding): favicons from S3');

    // WHEN the first release is cut
    const first = repo.release();

    // THEN it is 1.0.0, with the feature on top of the history kept so far,
    // committed, tagged and pushed, and package.json back at 0.0.0
    expect(first.status).toBe(0);
    let changelog = readFileSync(path.join(repo.dir, 'CHANGELOG.md'), 'utf-8');
    // (commit-and-tag-version's blank lines and trailing spaces are its own)
    expect(changelog).toMatch(/^## 1\.0\.0 \(\d{4}-\d{2}-\d{2}\)\s+### Features\s+\* \*\*branding:\*\* favicons from S3/m);
    expect(changelog.endsWith(history.trimStart())).toBe(true);
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('chore(release): 1.0.0');
    expect(repo.git('ls-remote', '--tags', 'origin')).toContain('refs/tags/v1.0.0');
    expect(JSON.parse(readFileSync(path.join(repo.dir, 'package.json'), 'utf-8')).version).toBe('0.0.0');

    // WHEN a fix follows
    commit(repo, 'b.txt', 'fix(handler): retry a throttled DescribeManagedLoginBranding');
    const second = repo.release();

    // THEN 1.0.1 goes on top, the 1.0.0 entry stays below it
    expect(second.status).toBe(0);
    changelog = readFileSync(path.join(repo.dir, 'CHANGELOG.md'), 'utf-8');
    expect(changelog.indexOf('## [1.0.1]')).toBeGreaterThanOrEqual(0);
    expect(changelog.indexOf('## [1.0.1]')).toBeLessThan(changelog.indexOf('## 1.0.0'));
    expect(changelog).toContain('* **handler:** retry a throttled DescribeManagedLoginBranding');

    // WHEN a breaking change follows (README "Versioning": logical ids, props, the handler's ServiceToken)
    commit(repo, 'c.txt', 'feat!: rename the user pool construct');
    const breaking = repo.release();

    // THEN the release is refused until majorVersion is raised in .projenrc.ts, and nothing is tagged
    expect(breaking.status).not.toBe(0);
    expect(`${breaking.stdout}${breaking.stderr}`).toContain('this branch is configured to only publish v1 releases - bump resulted in 2.0.0');
    expect(repo.git('tag', '--list')).not.toContain('v2.0.0');
  }, 120_000);
});
