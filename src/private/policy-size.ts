import { CfnResource, Stack, Token } from 'aws-cdk-lib';

/**
 * IAM caps the inline policies of one role at 10,240 characters together
 * (whitespace not counted). A role over it fails to deploy ("Maximum policy
 * size of 10240 bytes exceeded for role"), minutes into the deployment.
 */
export const MAX_ROLE_POLICY_CHARACTERS = 10_240;

/**
 * The region names a stack without a region may deploy to, at their
 * shortest and longest (us-east-1; ap-southeast-2, ap-northeast-3 and
 * cn-northwest-1 have 14 characters). Region names recur in every ARN and
 * pool id, so the two give the fewest and the most characters a policy can
 * have in any commercial, China or GovCloud region.
 */
export const SHORTEST_REGION = 'us-east-1';
export const LONGEST_REGION = 'ap-southeast-2';

/** An account id has 12 digits everywhere. */
const ACCOUNT_ID = '123456789012';

/**
 * How to measure the values of `stack`'s templates: the returned function
 * gives the length of `value` once CloudFormation resolves it, for a stack
 * deployed to `region` (the stack's own when it names one). Literals count in
 * full, pseudo parameters as they resolve there (the partition at its
 * shortest, `aws`), Refs to pools and clients and the ARNs of pools and of
 * the handler's log group at their shortest form, anything else (another
 * attribute, an import) as nothing. So the count never exceeds what IAM
 * will count: a limit it exceeds is exceeded for certain.
 *
 * The stack's resource types are read once, here: a Ref's type is looked up
 * for every ARN measured, and a stack may have hundreds of each.
 */
export function renderedLengths(stack: Stack): (value: string, region: string) => number {
  const types = new Map<string, string>();
  for (const construct of stack.node.findAll()) {
    if (CfnResource.isCfnResource(construct) && Stack.of(construct) === stack) {
      types.set(stack.getLogicalId(construct), construct.cfnResourceType);
    }
  }
  // Each value is counted in two regions (role-policy-check.ts); it resolves the same in both.
  const resolved = new Map<string, unknown>();
  return (value, region) => {
    const actualRegion = Token.isUnresolved(stack.region) ? region : stack.region;
    const pseudo: { readonly [name: string]: string } = {
      'AWS::Partition': 'aws',
      'AWS::AccountId': ACCOUNT_ID,
      'AWS::Region': actualRegion,
      'AWS::URLSuffix': 'amazonaws.com',
    };
    // A pool id is `<region>_<9 characters>`, an app client id 26 lowercase
    // letters and digits. Counted as nothing, every claim ARN of a styled
    // client was some 45 characters short: 100 styled clients passed synth.
    const poolId = `${actualRegion}_123456789`;
    const refLength = (logicalId: string) => ({
      'AWS::Cognito::UserPool': poolId.length,
      'AWS::Cognito::UserPoolClient': 26,
    } as { [type: string]: number })[types.get(logicalId) ?? ''] ?? 0;
    // The ARNs these attributes resolve to. A log group's generated name is
    // `<stack name>-<logical id>-<random suffix>` (the suffix not counted),
    // and its ARN ends with `:*`.
    const arnLength = (logicalId: string) => ({
      'AWS::Cognito::UserPool': `arn:aws:cognito-idp:${actualRegion}:${ACCOUNT_ID}:userpool/${poolId}`.length,
      'AWS::Logs::LogGroup': `arn:aws:logs:${actualRegion}:${ACCOUNT_ID}:log-group:${stack.stackName}-${logicalId}-:*`.length,
    } as { [type: string]: number })[types.get(logicalId) ?? ''] ?? 0;
    if (!resolved.has(value)) {
      resolved.set(value, stack.resolve(value));
    }
    return lengthOf(resolved.get(value), { pseudo, refLength, arnLength });
  };
}

interface Resolution {
  readonly pseudo: { readonly [name: string]: string };
  readonly refLength: (logicalId: string) => number;
  readonly arnLength: (logicalId: string) => number;
}

function lengthOf(value: unknown, resolution: Resolution): number {
  if (typeof value === 'string') {
    return value.length;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value).length;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 0;
  }
  const intrinsic = value as { [name: string]: unknown };
  const join = intrinsic['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts: unknown[] = join[1];
    return parts.reduce<number>((sum, part) => sum + lengthOf(part, resolution), 0) + join[0].length * Math.max(0, parts.length - 1);
  }
  const sub = intrinsic['Fn::Sub'];
  const template = Array.isArray(sub) ? sub[0] : sub;
  if (typeof template === 'string') {
    return template.replace(/\$\{([^}!]+)\}/g, (_, name: string) => resolution.pseudo[name] ?? '').length;
  }
  const ref = intrinsic.Ref;
  if (typeof ref === 'string') {
    return resolution.pseudo[ref]?.length ?? resolution.refLength(ref);
  }
  const getAtt = intrinsic['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && getAtt[1] === 'Arn') {
    return resolution.arnLength(getAtt[0]);
  }
  return 0;
}
