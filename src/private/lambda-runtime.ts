/**
 * The Lambda runtime of every function the library deploys (the
 * custom-resource handler, the Lambda triggers). aws-cdk-lib names
 * NODEJS_24_X only from 2.259.0 on, and the library supports aws-cdk-lib
 * from its peer floor (2.177.0) on: the runtime is written by its name, so
 * every supported aws-cdk-lib deploys the same functions (and cdk-nag
 * AwsSolutions-L1, newest runtime, stays quiet).
 */
export const LAMBDA_NODEJS_RUNTIME = 'nodejs24.x';
