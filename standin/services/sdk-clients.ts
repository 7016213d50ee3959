import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { StandIn } from './stand-in';

/** Dummy credentials: the stand-in checks that requests are signed, not by whom. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** Real SDK v3 clients aimed at a stand-in, without SDK retries so each test sees the stand-in's first answer. */
export function sdkClients(standIn: StandIn, region = standIn.region) {
  const common = { region, endpoint: standIn.endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 };
  return {
    cognito: new CognitoIdentityProviderClient(common),
    ssm: new SSMClient(common),
    s3: new S3Client({ ...common, forcePathStyle: true }),
    cloudFormation: new CloudFormationClient(common),
  };
}
