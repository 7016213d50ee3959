/**
 * Lambda's concurrent executions of an account and Region: at most `limit`
 * invocations run at once, and one beyond it waits for a free slot.
 * CloudFormation invokes a custom resource's function asynchronously, and
 * Lambda keeps an asynchronous invocation that its concurrency throttles in
 * its queue and retries it (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html), so
 * the invocation is late, not lost.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) {
        next();
      } else {
        this.running--;
      }
    }
  }
}
