/**
 * S3 Express One Zone's session code, which the Lambda bundles leave out
 * (about 3.7 kB of the minified handler, CreateSession's schemas and its
 * middleware included). The S3 client builds an S3ExpressIdentityProviderImpl
 * at construction (resolveS3Config in @aws-sdk/middleware-sdk-s3, given
 * CreateSessionCommand by S3Client.js), which calls CreateSession the first
 * time the endpoint rules resolve a request to a directory bucket (auth
 * scheme "sigv4-s3express"; s3ExpressMiddleware).
 *
 * The handler reads from S3 only the files the CDK staged (GetObject,
 * lambda/shared/s3-files.ts), from the bucket the stack's synthesizer stages
 * file assets to: the bootstrap's StagingBucket, which `cdk bootstrap`
 * creates as a general purpose bucket (AWS::S3::Bucket). A directory bucket
 * (AWS::S3Express::DirectoryBucket, named `<base>--<zone id>--x-s3`, the
 * suffix by which the endpoint rules choose S3 Express) authorizes requests
 * with a session that s3express:CreateSession opens (S3 user guide,
 * "Authorizing Regional endpoint API operations with IAM", directory
 * buckets), and the handler's role grants s3:GetObject on the stack's asset
 * bucket and no s3express action (src/private/handler-provider.ts): even the
 * untrimmed SDK could not read one there. So the provider and the command are
 * kept by name only, and a request to a directory bucket fails at once naming
 * this file.
 *
 * What proves it: test/lambda/sdk-trim.test.ts sends GetObject through the
 * trimmed build to a bootstrap bucket as the handler does, and checks that a
 * directory bucket is refused with this file's message (the untrimmed build
 * would call CreateSession instead).
 */
import { esModuleFile, Substitute, unreachedClass } from './unreached';

const WHY = 'no-directory-buckets.ts';

export const NO_DIRECTORY_BUCKETS: readonly Substitute[] = [
  { file: esModuleFile('@aws-sdk/middleware-sdk-s3', 'submodules/s3/middleware-s3-express/classes/S3ExpressIdentityProviderImpl.js'), contents: unreachedClass('S3ExpressIdentityProviderImpl', WHY, 'getS3ExpressIdentity') },
  { file: esModuleFile('@aws-sdk/client-s3', 'commands/CreateSessionCommand.js'), contents: unreachedClass('CreateSessionCommand', WHY) },
];
