/*
 * The synth-time check that the handler role's inline policies, all of them
 * together, fit IAM's per-role limit.
 */
import { Annotations, CustomResourceProvider, Stack, Token } from 'aws-cdk-lib';
import { LONGEST_REGION, MAX_ROLE_POLICY_CHARACTERS, renderedLengths, SHORTEST_REGION } from './policy-size';
import { PolicyStatementJson, ProviderResources } from './pool-grants';
import { ValidationError } from './validate';

/**
 * Refuses a role whose inline policies would exceed IAM's limit. IAM counts
 * every inline policy of a role together, the role's own and each
 * AWS::IAM::Policy attached to it (PutRolePolicy), against 10,240
 * characters. The role grows with the user pools its stack styles (a policy
 * of some 530 characters each) and the asset buckets it stages to, not with
 * the clients or the files: a pool's claims are one path per kind
 * (claimPathArn), the files their bucket's objects. Counted exactly from
 * what the policies hold, each value as a lower bound (see renderedLengths),
 * so the refusal is never wrong. A stack that names no region is counted in
 * the region with the shortest name; when it would exceed the limit only in
 * a region with a longer name, that is a warning: synth cannot know where
 * the stack will deploy.
 */
export function rolePolicySizeErrors(provider: CustomResourceProvider, resources: ProviderResources): string[] {
  const stack = Stack.of(provider);
  const objects = resources.bucketArns;
  const documents: PolicyStatementJson[][] = [
    [
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: resources.logGroupArn },
      ...resources.lookups,
      ...(objects.length > 0 ? [{ Effect: 'Allow' as const, Action: 's3:GetObject', Resource: objects }] : []),
    ],
    ...[...resources.pools.values()].map((pool) => pool.statements()),
  ];
  const lengthIn = renderedLengths(stack);
  const charactersIn = (region: string) => documents.reduce(
    (sum, statements) => sum + documentCharacters(statements, (arn) => lengthIn(arn, region)), 0);
  const pools = resources.pools.size;
  const what = `${objects.length} asset bucket${objects.length === 1 ? '' : 's'} and ${pools} user pool${pools === 1 ? '' : 's'}`;
  const remedy = 'Spread the styled user pools over more stacks';
  const characters = charactersIn(SHORTEST_REGION);
  if (characters > MAX_ROLE_POLICY_CHARACTERS) {
    return [new ValidationError(provider, 'role policy', what,
      `at most ${MAX_ROLE_POLICY_CHARACTERS} characters of inline policy per IAM role, and these need at least ${characters}: `
      + 'each styled user pool adds a policy of its Cognito actions and its ownership records\' path (about 530 characters). '
      + `${remedy}`).message];
  }
  const inLongestRegion = charactersIn(LONGEST_REGION);
  if (Token.isUnresolved(stack.region) && inLongestRegion > MAX_ROLE_POLICY_CHARACTERS) {
    Annotations.of(provider).addWarningV2('cdk-cognito-login:rolePolicySize',
      `role policy for ${what}: at least ${inLongestRegion} characters in a region named like ${LONGEST_REGION}, over IAM's `
      + `${MAX_ROLE_POLICY_CHARACTERS} per role, so deploying this stack there would fail (${characters} in ${SHORTEST_REGION}). `
      + `Give the stack an env with its region to know for certain. ${remedy}`);
  }
  return [];
}

/** The fewest characters a policy document can have: its JSON with empty resources, plus each resource's `length`. */
function documentCharacters(statements: PolicyStatementJson[], length: (arn: string) => number): number {
  const resources = statements.flatMap((s) => [s.Resource].flat());
  const skeleton = JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ ...s, Resource: [] })) }).length;
  // Each ARN adds its own characters plus two quotes and a comma to the document.
  return skeleton + resources.reduce((sum, arn) => sum + length(arn) + 3, 0);
}
