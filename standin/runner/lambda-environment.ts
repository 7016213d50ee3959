import * as path from 'path';
import { lambdaRuntime } from './lambda-node';
import { DUMMY_CREDENTIALS } from '../services/sdk-clients';

/** What the simulated function is, as its AWS::Lambda::Function declares it. */
export interface LambdaConfiguration {
  /** The function's code directory: Lambda's /var/task (an asset directory of the cloud assembly, or a bundle's folder). */
  readonly codeDir: string;
  /** `file.export`, e.g. `__entrypoint__.handler`. */
  readonly handler: string;
  readonly functionName: string;
  /** @default 3, Lambda's default */
  readonly timeoutSeconds?: number;
  /** @default 128, Lambda's default */
  readonly memorySize?: number;
  readonly region: string;
  /** The function's Environment.Variables. */
  readonly variables?: { readonly [name: string]: string };
}

/**
 * The function's process environment, whole (nothing of the test process's
 * leaks in: no NODE_OPTIONS, no HOME, no AWS profile): the variables Lambda
 * defines for every function ("Defined runtime environment variables",
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime),
 * with the function's own code directory for /var/task and the binary's for
 * /var/lang/bin; then what points the SDK at the stand-in on loopback (dummy
 * credentials, the SDK's per-service endpoint variables, no shared config or
 * credentials file, no instance metadata); then the function's own
 * variables. Left out: the Runtime API's address (the worker is not a
 * custom runtime), X-Ray's (no tracing), the per-invocation trace id.
 */
export function lambdaEnvironment(config: LambdaConfiguration, standInEndpoint: string, nodeBinary: string): { [name: string]: string } {
  return {
    _HANDLER: config.handler,
    AWS_REGION: config.region,
    AWS_DEFAULT_REGION: config.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${lambdaRuntime()}`,
    AWS_LAMBDA_FUNCTION_NAME: config.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memorySize ?? 128),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${config.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: '2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    AWS_ACCESS_KEY: DUMMY_CREDENTIALS.accessKeyId,
    AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: 'stand-in-session-token',
    LAMBDA_TASK_ROOT: config.codeDir,
    LAMBDA_RUNTIME_DIR: __dirname,
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    PATH: [path.dirname(nodeBinary), '/usr/local/bin', '/usr/bin/', '/bin', '/opt/bin'].join(':'),

    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standInEndpoint,
    AWS_ENDPOINT_URL_SSM: standInEndpoint,
    AWS_ENDPOINT_URL_S3: standInEndpoint,
    AWS_ENDPOINT_URL_CLOUDFORMATION: standInEndpoint,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',

    ...config.variables,
  };
}
