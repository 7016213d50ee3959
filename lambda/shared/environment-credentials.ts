/**
 * What the bundles get in place of `@aws-sdk/credential-provider-node`: the
 * `defaultProvider` every client's runtime configuration falls back on, here
 * the environment only. esbuild substitutes this file for that package
 * (the `alias` of scripts/bundle/build.ts); the handler's own code and
 * its tests are unchanged.
 *
 * A Lambda function's credentials are in its environment: "The Lambda
 * runtime makes the execution role's temporary credentials available as
 * environment variables" (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN; Lambda developer guide, "Defined runtime environment
 * variables"). The default chain tries the environment first
 * (@aws-sdk/credential-provider-node's README, "Credential provider chain"),
 * so in a Lambda it always stops there; the rest of the chain (SSO, the
 * shared ini files, web identity, process, container and instance metadata,
 * and the STS and SSO clients they use) is code a Lambda never runs, about
 * 100 kB of the bundle.
 */
/* eslint-disable import/no-extraneous-dependencies */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
