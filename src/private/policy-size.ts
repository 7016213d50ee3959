import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * IAM caps the inline policies of one role at 10,240 characters together
 * (whitespace not counted). A role over it fails to deploy ("Maximum policy
 * size of 10240 bytes exceeded for role"), minutes into the deployment.
 */
export const MAX_ROLE_POLICY_CHARACTERS = 10_240;

/** The shortest value each pseudo parameter can take, so that counts are lower bounds. */
const SHORTEST_PSEUDO_PARAMETERS: { readonly [name: string]: string } = {
  'AWS::Partition': 'aws',
  'AWS::AccountId': '123456789012',
  'AWS::Region': 'us-east-1',
  'AWS::URLSuffix': 'amazonaws.com',
};

/**
 * The length of the id Cognito generates for a Ref to these resource types:
 * a pool id is `<region>_<9 characters>` (the shortest region name has 9),
 * an app client id 26 lowercase letters and digits. Without them, a Ref
 * would count as nothing and every claim ARN of a styled client would be
 * undercounted by some 45 characters: a stack of 100 styled clients passed
 * synth and failed at deploy.
 */
const GENERATED_ID_LENGTHS: { readonly [type: string]: number } = {
  'AWS::Cognito::UserPool': 9 + 1 + 9,
  'AWS::Cognito::UserPoolClient': 26,
};

/**
 * The fewest characters `value` can have once CloudFormation resolves it:
 * literals count in full, pseudo parameters at their shortest, Refs to
 * Cognito pools and clients at the length of the ids Cognito generates,
 * anything else (another attribute, an import) as nothing. A limit this count
 * exceeds is exceeded for certain, so a refusal based on it is never wrong.
 */
export function shortestRendering(stack: Stack, value: string): number {
  const resolved = stack.resolve(value);
  return lengthOf(resolved, (logicalId) => GENERATED_ID_LENGTHS[typeOf(stack, logicalId) ?? ''] ?? 0);
}

/** The resource type of one of the stack's logical ids (read when asked: the stack may still grow between syntheses). */
function typeOf(stack: Stack, logicalId: string): string | undefined {
  const resource = stack.node.findAll().find((c): c is CfnResource => CfnResource.isCfnResource(c)
    && Stack.of(c) === stack && stack.getLogicalId(c) === logicalId);
  return resource?.cfnResourceType;
}

function lengthOf(value: unknown, refLength: (logicalId: string) => number): number {
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
    return parts.reduce<number>((sum, part) => sum + lengthOf(part, refLength), 0) + join[0].length * Math.max(0, parts.length - 1);
  }
  const sub = intrinsic['Fn::Sub'];
  const template = Array.isArray(sub) ? sub[0] : sub;
  if (typeof template === 'string') {
    return template.replace(/\$\{([^}!]+)\}/g, (_, name: string) => SHORTEST_PSEUDO_PARAMETERS[name] ?? '').length;
  }
  const ref = intrinsic.Ref;
  if (typeof ref === 'string') {
    return SHORTEST_PSEUDO_PARAMETERS[ref]?.length ?? refLength(ref);
  }
  return 0;
}
