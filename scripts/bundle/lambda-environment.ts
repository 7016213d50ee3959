/**
 * The Region lookup from EC2's instance metadata service (IMDS), which the
 * Lambda bundles leave out (about 1.4 kB of the minified handler). A client
 * built without a `region` takes it from AWS_REGION, then from the shared
 * config files, and only then asks IMDS (NODE_REGION_CONFIG_OPTIONS in
 * @smithy/core's config-resolver; resolveDefaultsModeConfig asks it too, for
 * defaultsMode "auto", after AWS_EXECUTION_ENV with AWS_REGION). Lambda sets
 * AWS_REGION and AWS_EXECUTION_ENV in every function's environment (Lambda
 * developer guide, "Defined runtime environment variables": reserved, a
 * function cannot unset them), and a function has no instance metadata
 * service to ask: so the lookup is never reached, and where it were, it
 * would find nothing there either. It becomes one that finds nothing, as
 * IMDS's own lookup answers when it is switched off (AWS_EC2_METADATA_DISABLED).
 *
 * What proves it: test/lambda/sdk-trim.test.ts builds a client without a
 * region through the trimmed build and the untrimmed one, with AWS_REGION
 * set (both send to that Region's endpoint) and without it and with IMDS
 * switched off (both refuse with the same error).
 */
import { esModuleFile, Substitute } from './unreached';

export const LAMBDA_ENVIRONMENT: readonly Substitute[] = [
  {
    file: esModuleFile('@smithy/core', 'submodules/config/config-resolver/regionConfig/getInstanceMetadataRegion.js'),
    contents: 'export const getInstanceMetadataRegion = async () => undefined;\n',
  },
];
