/**
 * A template's IAM policies as IAM sees them once CloudFormation has resolved
 * them in one region and account: pseudo parameters filled in, Refs to pools
 * and clients as ids of the length Cognito generates, ARNs written out (a log
 * group's with CloudFormation's generated name), anything else as a sample
 * name of a typical length. Used to measure policies against IAM's size
 * limit with values the library's own count (src/private/policy-size.ts)
 * does not share: by the tests and by the benchmarks (scripts/bench).
 */
export interface IamEnvironment {
  readonly region: string;
  readonly account: string;
  readonly stackName: string;
  /**
   * The random end CloudFormation gives a generated name (a log group's),
   * whose length it does not document.
   */
  readonly generatedSuffix: string;
}

interface Template {
  readonly Resources: Record<string, { Type: string; Properties?: any }>;
}

/** Ids of the lengths AWS gives them. */
const SAMPLE_IDS: Record<string, (region: string) => string> = {
  'AWS::Cognito::UserPool': (region) => `${region}_AbCdEfGhI`,
  'AWS::Cognito::UserPoolClient': () => 'a1b2c3d4e5f6g7h8i9j0k1l2m3',
};

/** A template value with its intrinsics (Ref, Fn::GetAtt, Fn::Join, Fn::Sub) replaced by what CloudFormation would put there. */
export function resolveForIam(value: unknown, types: ReadonlyMap<string, string>, env: IamEnvironment): unknown {
  const pseudo: Record<string, string> = {
    'AWS::Partition': 'aws', 'AWS::Region': env.region, 'AWS::AccountId': env.account, 'AWS::URLSuffix': 'amazonaws.com', 'AWS::StackName': env.stackName,
  };
  const generatedName = (logicalId: string) => `${env.stackName}-${logicalId}-${env.generatedSuffix}`;
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (v === null || typeof v !== 'object') return v;
    const obj = v as Record<string, any>;
    const keys = Object.keys(obj);
    if (keys.length !== 1) return Object.fromEntries(keys.map((k) => [k, resolve(obj[k])]));
    if (keys[0] === 'Ref') {
      const ref = obj.Ref as string;
      return pseudo[ref] ?? SAMPLE_IDS[types.get(ref) ?? '']?.(env.region) ?? generatedName(ref);
    }
    if (keys[0] === 'Fn::GetAtt') {
      const [logicalId, attribute] = obj['Fn::GetAtt'] as [string, string];
      return attribute === 'Arn' ? arnOf(logicalId, types.get(logicalId) ?? 'AWS::Unknown::Thing') : generatedName(logicalId);
    }
    if (keys[0] === 'Fn::Join') {
      const [separator, parts] = obj['Fn::Join'] as [string, unknown[]];
      return (resolve(parts) as unknown[]).map(String).join(separator);
    }
    if (keys[0] === 'Fn::Sub' && typeof obj['Fn::Sub'] === 'string') {
      return (obj['Fn::Sub'] as string).replace(/\$\{([^}!]+)\}/g, (_, name: string) => pseudo[name] ?? generatedName(name));
    }
    return { [keys[0]]: resolve(obj[keys[0]]) };
  };
  const arnOf = (logicalId: string, type: string): string => {
    const prefix = `arn:aws:${type.split('::')[1].toLowerCase()}:${env.region}:${env.account}`;
    if (type === 'AWS::Cognito::UserPool') return `arn:aws:cognito-idp:${env.region}:${env.account}:userpool/${SAMPLE_IDS[type](env.region)}`;
    if (type === 'AWS::Logs::LogGroup') return `${prefix}:log-group:${generatedName(logicalId)}:*`;
    return `${prefix}:${generatedName(logicalId)}`;
  };
  return resolve(value);
}

/**
 * The characters of the inline policies of each role (its own and the
 * AWS::IAM::Policy resources attached to it), as IAM counts them against its
 * 10,240 per role: compact JSON of the resolved documents.
 */
export function policyCharactersPerRole(template: Template, env: IamEnvironment): Map<string, number> {
  const resources = Object.entries(template.Resources);
  const types = new Map(resources.map(([id, r]) => [id, r.Type]));
  const perRole = new Map<string, number>();
  const add = (role: string, document: unknown) => {
    perRole.set(role, (perRole.get(role) ?? 0) + JSON.stringify(resolveForIam(document, types, env)).length);
  };
  for (const [logicalId, resource] of resources) {
    if (resource.Type === 'AWS::IAM::Role') {
      for (const policy of resource.Properties?.Policies ?? []) add(logicalId, policy.PolicyDocument);
    } else if (resource.Type === 'AWS::IAM::Policy') {
      for (const role of resource.Properties?.Roles ?? []) add(role.Ref ?? JSON.stringify(role), resource.Properties.PolicyDocument);
    }
  }
  return perRole;
}
