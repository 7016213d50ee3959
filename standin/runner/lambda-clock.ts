/**
 * The test's clock, as the simulated Lambda's processes must see it.
 *
 * With real timers each process reads the machine's clock, and nothing is
 * needed. A test on jest's fake timers (test/deploy/scenarios/time-bounds.test.ts
 * plays minutes of throttling and hung requests in seconds) moves time by
 * `jest.advanceTimersByTimeAsync`, which runs @sinonjs/fake-timers'
 * `clock.tickAsync` in the test process only. A Lambda process started then
 * installs the same fake clock at the same time (lambda-worker.ts), and every
 * tickAsync of the test's clock is followed by moving each live process's
 * clock to the new time and waiting until it has run what fell due: both
 * clocks agree at every step the test takes, and a timer of the function
 * fires within the step it falls in, as one in the test process does. Only
 * tickAsync is followed (what jest.advanceTimersByTimeAsync calls); a test
 * that moves the clock another way leaves the function's clock behind.
 */

/** The part of @sinonjs/fake-timers' clock this needs. */
export interface FakeClock {
  readonly now: number;
  /** The globals it replaces. */
  readonly methods: readonly string[];
  tickAsync(time: number | string): Promise<number>;
}

/** What follows the test's clock: a Lambda process. */
export interface ClockFollower {
  advanceTo(now: number): Promise<void>;
}

/**
 * The test's fake clock, if its timers are fake: @sinonjs/fake-timers marks
 * each global it replaces with its clock (`setTimeout.clock`), and jest's
 * modern fake timers are that library's clock.
 */
export function fakeTestClock(): FakeClock | undefined {
  return (globalThis.setTimeout as unknown as { clock?: FakeClock }).clock;
}

const followers = new WeakMap<FakeClock, Set<ClockFollower>>();

/** Makes `follower` follow every tickAsync of `clock` until the returned function is called. */
export function followClock(clock: FakeClock, follower: ClockFollower): () => void {
  let set = followers.get(clock);
  if (!set) {
    const live = new Set<ClockFollower>();
    const tickAsync = clock.tickAsync.bind(clock);
    clock.tickAsync = async (time) => {
      const now = await tickAsync(time);
      await Promise.all([...live].map((f) => f.advanceTo(clock.now)));
      return now;
    };
    followers.set(clock, live);
    set = live;
  }
  set.add(follower);
  return () => set.delete(follower);
}
