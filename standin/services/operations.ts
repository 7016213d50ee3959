import { ServiceName } from './botocore-models';
import { BrandingInput, BrandingStore } from './branding-store';
import { CimdPolicies } from './cimd-policies';
import { ClassicCustomizations } from './classic-customization';
import { CloudFormationSource, describeStackResource, describeStacks } from './cloudformation-stacks';
import { CognitoState } from './cognito-state';
import { ParameterStore } from './parameter-store';
import { unknownOperation } from './service-error';
import { UserPoolSettings } from './user-pool-settings';
import { UserDirectory } from './users';

/** The operations the stand-in carries out; any other operation of the model is refused as unknown to it. */
export interface Operations {
  readonly branding: BrandingStore;
  readonly classic: ClassicCustomizations;
  readonly parameters: ParameterStore;
  readonly cognito: CognitoState;
  readonly users: UserDirectory;
  readonly cloudFormation: CloudFormationSource;
  readonly poolSettings: UserPoolSettings;
  readonly cimd: CimdPolicies;
}

/** Carries out one (already validated) operation; returns the response body's object. */
export function dispatch(ops: Operations, service: ServiceName, operation: string, input: any, requestBytes: number): object {
  const key = `${service}:${operation}`;
  switch (key) {
    case 'cognito-idp:CreateManagedLoginBranding': return ops.branding.create(input as BrandingInput, requestBytes);
    case 'cognito-idp:UpdateManagedLoginBranding': return ops.branding.update(input as BrandingInput, requestBytes);
    case 'cognito-idp:DeleteManagedLoginBranding': return ops.branding.delete(input as BrandingInput);
    case 'cognito-idp:DescribeManagedLoginBrandingByClient': return ops.branding.describeByClient(input as BrandingInput);
    case 'cognito-idp:DescribeManagedLoginBranding': return ops.branding.describe(input as BrandingInput);
    case 'cognito-idp:SetUICustomization': return ops.classic.set(input, requestBytes);
    case 'cognito-idp:GetUICustomization': return ops.classic.get(input);
    case 'cognito-idp:DescribeUserPool': return ops.poolSettings.describe(input);
    case 'cognito-idp:UpdateUserPool': return ops.poolSettings.update(input);
    case 'cognito-idp:CreateCIMDPolicy': return ops.cimd.create(input);
    case 'cognito-idp:DescribeCIMDPolicy': return ops.cimd.describe(input);
    case 'cognito-idp:UpdateCIMDPolicy': return ops.cimd.update(input);
    case 'cognito-idp:DeleteCIMDPolicy': return ops.cimd.delete(input);
    case 'cognito-idp:ListCIMDPolicies': return ops.cimd.list(input);
    case 'cognito-idp:ListUsers': return ops.users.list(input);
    case 'cognito-idp:AdminCreateUser': return ops.users.adminCreate(input);
    case 'cognito-idp:AdminLinkProviderForUser': return ops.users.adminLink(input);
    case 'cognito-idp:AdminDisableProviderForUser': return ops.users.adminDisableProvider(input);
    case 'cognito-idp:AdminDisableUser': return ops.users.adminDisableUser(input);
    case 'ssm:GetParameter': return ops.parameters.get(input);
    case 'ssm:PutParameter': return ops.parameters.put(input);
    case 'ssm:DeleteParameter': return ops.parameters.delete(input);
    case 'cloudformation:DescribeStackResource': return describeStackResource(ops.cloudFormation, input);
    case 'cloudformation:DescribeStacks': return describeStacks(ops.cloudFormation, input);
    default:
      throw unknownOperation(service, `The stand-in does not implement ${operation} of ${service}.`);
  }
}
