/**
 * The one place the handler imports AWS SDK code (type-only imports elsewhere
 * are erased at compile time).
 *
 * The SDK is a devDependency on purpose: esbuild bundles these exact, pinned
 * versions into assets/handler/index.js, so nothing resolves them at run
 * time and library users never install them. The lint rule cannot know that
 * about lambda/, hence the one exemption below, in one file.
 */
/* eslint-disable import/no-extraneous-dependencies */
export {
  CognitoIdentityProviderClient,
  CreateManagedLoginBrandingCommand,
  DeleteManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingByClientCommand,
  DescribeUserPoolCommand,
  GetUICustomizationCommand,
  SetUICustomizationCommand,
  UpdateManagedLoginBrandingCommand,
  UpdateUserPoolCommand,
  // The SDK's own schemas of the two pool shapes (the service model it is generated from):
  // registration/pool-settings.ts reads which members an update takes from them.
  UpdateUserPoolRequest$,
  UserPoolType$,
} from '@aws-sdk/client-cognito-identity-provider';
// Not in the SDK release yet: built from its pieces (cimd-commands.ts); move to the SDK's own commands when it has them.
export { CreateCIMDPolicyCommand, DeleteCIMDPolicyCommand, ListCIMDPoliciesCommand, UpdateCIMDPolicyCommand } from './cimd-commands';
export type { CimdPolicySummary } from './cimd-commands';
export type { DcrConfigurationType, UpdateUserPoolRequest, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
export { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
export { DeleteParameterCommand, GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
export { CloudFormationClient, DescribeStackResourceCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
