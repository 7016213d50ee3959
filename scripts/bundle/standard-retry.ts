/**
 * The SDK's adaptive retry strategy and its client-side rate limiter, which
 * the Lambda bundles leave out (about 3.3 kB of the minified handler). A
 * client chooses it only when its retry mode is "adaptive" (resolveRetryConfig
 * in @smithy/core's middleware-retry), and the handler's and the trigger's
 * clients set `retryMode: 'standard'` themselves (lambda/shared/clients.ts,
 * lambda/account-linking/index.ts), which wins over AWS_RETRY_MODE and the
 * shared config files: the handler keeps one retry layer of its own
 * (lambda/shared/retry.ts) and sends one attempt per SDK call, so a rate
 * limiter in front of that attempt would only delay it. The strategy is kept
 * by name only, and a client built with "adaptive" fails at its first call
 * naming this file.
 *
 * What proves it: test/lambda/sdk-trim.test.ts sends a command through the
 * trimmed build with the handler's client configuration and AWS_RETRY_MODE
 * set to adaptive (the same request as the untrimmed build), and checks that
 * a client asking for "adaptive" itself is refused with this file's message.
 */
import { esModuleFile, Substitute, unreachedClass } from './unreached';

const WHY = 'standard-retry.ts';

export const STANDARD_RETRY: readonly Substitute[] = [
  { file: esModuleFile('@smithy/core', 'submodules/retry/util-retry/AdaptiveRetryStrategy.js'), contents: unreachedClass('AdaptiveRetryStrategy', WHY) },
];
