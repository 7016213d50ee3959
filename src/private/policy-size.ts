import { Stack } from 'aws-cdk-lib';

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
 * The fewest characters `value` can have once CloudFormation resolves it:
 * literals count in full, pseudo parameters at their shortest, anything else
 * (a resource attribute, an import) as nothing. A limit this count exceeds
 * is exceeded for certain, so a refusal based on it is never wrong.
 */
export function shortestRendering(stack: Stack, value: string): number {
  return lengthOf(stack.resolve(value));
}

function lengthOf(value: unknown): number {
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
    return parts.reduce<number>((sum, part) => sum + lengthOf(part), 0) + join[0].length * Math.max(0, parts.length - 1);
  }
  const sub = intrinsic['Fn::Sub'];
  const template = Array.isArray(sub) ? sub[0] : sub;
  if (typeof template === 'string') {
    return template.replace(/\$\{([^}!]+)\}/g, (_, name: string) => SHORTEST_PSEUDO_PARAMETERS[name] ?? '').length;
  }
  const ref = intrinsic.Ref;
  if (typeof ref === 'string') {
    return (SHORTEST_PSEUDO_PARAMETERS[ref] ?? '').length;
  }
  return 0;
}
