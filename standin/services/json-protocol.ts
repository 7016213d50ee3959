import { ServiceName } from './botocore-models';

/** The services spoken over JSON 1.1, by the prefix of X-Amz-Target. */
export const TARGET_PREFIXES: { readonly [prefix: string]: ServiceName } = {
  AWSCognitoIdentityProviderService: 'cognito-idp',
  AmazonSSM: 'ssm',
};
