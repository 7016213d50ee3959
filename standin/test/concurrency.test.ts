import { ConcurrencyLimit } from '../runner/concurrency';

test('a concurrency limit runs at most its number of invocations at once, and every one in the end', async () => {
  // GIVEN two slots
  const limit = new ConcurrencyLimit(2);
  let running = 0;
  let most = 0;
  const work = (i: number) => limit.run(async () => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 10));
    running--;
    return i;
  });

  // WHEN five at once, one of which fails
  const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => (i === 1 ? limit.run(() => Promise.reject(new Error('x'))) : work(i))));

  // THEN
  expect(most).toBe(2);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  expect(running).toBe(0);
});
