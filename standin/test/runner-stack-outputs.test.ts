import { CloudFormationRunner } from '../runner';
import { Template } from '../runner/cloud-assembly';
import { StandIn } from '../services';
import { HAND_WRITTEN_ACCOUNT, handWrittenAssembly } from './hand-written-assembly';

/**
 * Fn::GetStackOutput across Regions, and ACM certificates: what a login
 * outside us-east-1 deploys when its custom domain's certificate is made for
 * it (a certificate stack in us-east-1, read by the login's stack).
 */

let standIn: StandIn;
beforeEach(async () => {
  standIn = await StandIn.start({ region: 'eu-west-1' });
});
afterEach(async () => standIn.stop());

const CERTIFICATE_ARN = new RegExp(`^arn:aws:acm:us-east-1:${HAND_WRITTEN_ACCOUNT}:certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);

function certificateStack(domainName = 'auth.example.com', tags: object[] = []): Template {
  return {
    Resources: {
      Cert: {
        Type: 'AWS::CertificateManager::Certificate',
        Properties: {
          DomainName: domainName,
          ValidationMethod: 'DNS',
          DomainValidationOptions: [{ DomainName: domainName, HostedZoneId: 'Z0123456789EXAMPLE' }],
          ...(tags.length ? { Tags: tags } : {}),
        },
      },
    },
    Outputs: { CertArn: { Value: { Ref: 'Cert' } } },
  };
}

/** How the library's login stack names the certificate's output. */
const REFERENCE = { StackName: 'Certs', OutputName: 'CertArn', Region: 'us-east-1' };

/** A pool whose custom domain takes its certificate from another stack's output. */
function loginStack(reference: { readonly StackName: string; readonly OutputName: string; readonly Region?: string } = REFERENCE): Template {
  return {
    Resources: {
      Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'p' } },
      Domain: {
        Type: 'AWS::Cognito::UserPoolDomain',
        Properties: {
          Domain: 'auth.example.com',
          UserPoolId: { Ref: 'Pool' },
          CustomDomainConfig: {
            CertificateArn: { 'Fn::GetStackOutput': reference },
          },
        },
      },
    },
  };
}

test('a certificate\'s Ref is an ACM ARN of its stack\'s Region, and a stack in another Region reads it by Fn::GetStackOutput, '
  + 'deployed after it although the manifest lists it first', async () => {
  // GIVEN the login stack (eu-west-1) listed before the certificate's stack (us-east-1), on which it depends
  const cfn = new CloudFormationRunner(standIn);
  const dir = handWrittenAssembly({
    Login: { template: loginStack(), region: 'eu-west-1', dependsOn: ['Certs'] },
    Certs: { template: certificateStack(), region: 'us-east-1' },
  });

  // WHEN
  const results = await cfn.deployAssembly(dir);

  // THEN
  expect(results.map((r) => [r.stackName, r.status])).toEqual([['Certs', 'CREATE_COMPLETE'], ['Login', 'CREATE_COMPLETE']]);
  const arn = cfn.physicalId('Certs', 'Cert');
  expect(arn).toMatch(CERTIFICATE_ARN);
  expect(cfn.stack('Certs').outputs).toEqual({ CertArn: arn });
  expect(cfn.stack('Login').resources.get('Domain')!.properties.CustomDomainConfig).toEqual({ CertificateArn: arn });
});

test.each([
  ['the stack is not deployed', REFERENCE, false, 'Domain: Stack with id Certs does not exist'],
  ['the stack is in another Region than the one named', { ...REFERENCE, Region: 'eu-central-1' }, true, 'Domain: Stack with id Certs does not exist'],
  ['the output is not the stack\'s', { ...REFERENCE, OutputName: 'Missing' }, true, 'Domain: Stack Certs (us-east-1) has no output Missing'],
])('Fn::GetStackOutput fails the resource that reads it when %s, and the new stack rolls back', async (_case, reference, withCertificates, failure) => {
  // GIVEN
  const cfn = new CloudFormationRunner(standIn);
  if (withCertificates) {
    await cfn.deployAssembly(handWrittenAssembly({ Certs: { template: certificateStack(), region: 'us-east-1' } }));
  }

  // WHEN
  const [result] = await cfn.deployAssembly(handWrittenAssembly({ Login: { template: loginStack(reference), region: 'eu-west-1' } }));

  // THEN
  expect([result.status, result.failure]).toEqual(['ROLLBACK_COMPLETE', failure]);
  expect(cfn.stackNames()).not.toContain('Login');
});

test('Fn::GetStackOutput without a Region reads the stack of the reading stack\'s own Region', async () => {
  // GIVEN both stacks in us-east-1
  const cfn = new CloudFormationRunner(standIn);

  // WHEN
  const results = await cfn.deployAssembly(handWrittenAssembly({
    Certs: { template: certificateStack(), region: 'us-east-1' },
    Login: { template: loginStack({ StackName: 'Certs', OutputName: 'CertArn' }), region: 'us-east-1', dependsOn: ['Certs'] },
  }));

  // THEN
  expect(results.map((r) => r.status)).toEqual(['CREATE_COMPLETE', 'CREATE_COMPLETE']);
  expect(cfn.stack('Login').resources.get('Domain')!.properties.CustomDomainConfig).toEqual({ CertificateArn: cfn.physicalId('Certs', 'Cert') });
});

test('a certificate whose domain name changes is replaced (a new ARN, the old one deleted in clean-up); a tag changes it in place', async () => {
  // GIVEN
  const cfn = new CloudFormationRunner(standIn);
  const deployCertificate = async (template: Template) =>
    (await cfn.deployAssembly(handWrittenAssembly({ Certs: { template, region: 'us-east-1' } })))[0];
  await deployCertificate(certificateStack());
  const first = cfn.physicalId('Certs', 'Cert');

  // WHEN
  const tagged = await deployCertificate(certificateStack('auth.example.com', [{ Key: 'team', Value: 'identity' }]));
  const renamed = await deployCertificate(certificateStack('login.example.com', [{ Key: 'team', Value: 'identity' }]));

  // THEN
  expect(tagged.events.map((e) => `${e.phase} ${e.requestType} ${e.physicalId === first ? 'first' : 'new'}`)).toEqual(['deploy Update first']);
  expect(renamed.events.map((e) => `${e.phase} ${e.requestType} ${e.physicalId === first ? 'first' : 'new'}`)).toEqual(['deploy Create new', 'cleanup Delete first']);
  expect(cfn.physicalId('Certs', 'Cert')).toMatch(CERTIFICATE_ARN);
  expect(cfn.stack('Certs').outputs.CertArn).toBe(cfn.physicalId('Certs', 'Cert'));
});
