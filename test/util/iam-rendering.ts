/**
 * A stack's IAM policies as IAM will see them after CloudFormation resolves
 * them in one region and account: pseudo parameters filled in, Refs to pools
 * and clients as ids of the length Cognito generates, ARNs of pools and of
 * log groups (CloudFormation's generated name, with `logGroupSuffix` for its
 * random end) written out. For measuring the handler role against IAM's size limit with
 * values the library's own count does not share.
 */
type Template = { Resources: Record<string, { Type: string; Properties?: any }> };

/** The characters of every inline policy of `roleLogicalId` (its own and attached AWS::IAM::Policy ones), as IAM counts them. */
export function rolePolicyCharacters(template: Template, stackName: string, roleLogicalId: string, region: string, logGroupSuffix: string): number {
  const resources = template.Resources;
  const account = '123456789012';
  const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': region, 'AWS::AccountId': account, 'AWS::URLSuffix': 'amazonaws.com' };
  const poolId = `${region}_AbCdEfGhI`;
  const render = (value: any): any => {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map(render);
    if ('Ref' in value) {
      if (pseudo[value.Ref]) return pseudo[value.Ref];
      const type = resources[value.Ref].Type;
      if (type === 'AWS::Cognito::UserPool') return poolId;
      if (type === 'AWS::Cognito::UserPoolClient') return value.Ref.toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(26, '0').slice(0, 26);
      throw new Error(`no rendering for a Ref to ${type}`);
    }
    if ('Fn::Join' in value) return value['Fn::Join'][1].map(render).join(value['Fn::Join'][0]);
    if ('Fn::Sub' in value) return (value['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => pseudo[name]);
    if ('Fn::GetAtt' in value) {
      const [logicalId, attribute] = value['Fn::GetAtt'];
      const type = resources[logicalId].Type;
      if (type === 'AWS::Cognito::UserPool' && attribute === 'Arn') return `arn:aws:cognito-idp:${region}:${account}:userpool/${poolId}`;
      if (type === 'AWS::Logs::LogGroup' && attribute === 'Arn') return `arn:aws:logs:${region}:${account}:log-group:${stackName}-${logicalId}-${logGroupSuffix}:*`;
      throw new Error(`no rendering for ${type}.${attribute}`);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v)]));
  };
  const documents = [
    ...(resources[roleLogicalId].Properties?.Policies ?? []).map((p: any) => p.PolicyDocument),
    ...Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => role.Ref === roleLogicalId))
      .map((r) => r.Properties.PolicyDocument),
  ];
  return documents.reduce((sum, document) => sum + JSON.stringify(render(document)).length, 0);
}
