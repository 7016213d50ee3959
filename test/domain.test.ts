import { CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CognitoLogin, CustomDomainOptions, DomainSecurityPolicy, LoginDomain, LoginPages } from '../src';
import { testStack } from './util/stack';

const US_EAST_1_CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

function certificate(stack: Stack, arn = US_EAST_1_CERT): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(stack, 'Certificate', arn);
}

function zone(stack: Stack, zoneName = 'example.com'): route53.IHostedZone {
  return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName });
}

function loginWith(stack: Stack, domain: LoginDomain): CognitoLogin {
  return new CognitoLogin(stack, 'Login', { domain });
}

describe('prefix domain', () => {
  test('creates a Cognito domain with the prefix and managed login version 2 by default', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginDomain.cognitoPrefix('acme-prod'));

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'acme-prod',
      ManagedLoginVersion: 2,
      UserPoolId: { Ref: Match.stringLikeRegexp('^LoginUserPool') },
    });
    template.resourceCountIs('AWS::Route53::RecordSet', 0);
  });

  test('classic pages make the domain version 1', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-prod'), pages: LoginPages.classic() });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 1 });
  });

  test.each([
    ['Acme', 'only lowercase letters, digits and hyphens'],
    ['acme_prod', 'only lowercase letters, digits and hyphens'],
    ['-acme', 'must not start or end with a hyphen'],
    ['acme-', 'must not start or end with a hyphen'],
    ['a'.repeat(64), '1 to 63 characters'],
    ['', '1 to 63 characters'],
    ['my-aws-login', 'must not contain "aws"'],
    ['amazonian', 'must not contain "amazon"'],
    ['acme-cognito', 'must not contain "cognito"'],
  ])('refuses the prefix "%s"', (prefix, allowed) => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    const shown = prefix.length > 80 ? prefix.slice(0, 77) + '...' : prefix;
    expect(() => loginWith(stack, LoginDomain.cognitoPrefix(prefix)))
      .toThrow(`Stack/Login: domain.cognitoPrefix "${shown}" is invalid: ${allowed}`);
  });

  test('accepts 63 characters and leaves a token prefix to deploy time', () => {
    // GIVEN
    const stack = testStack();
    const parameter = new CfnParameter(stack, 'Prefix');

    // WHEN
    new CognitoLogin(stack, 'Long', { domain: LoginDomain.cognitoPrefix('a'.repeat(63)) });
    new CognitoLogin(stack, 'Token', { domain: LoginDomain.cognitoPrefix(parameter.valueAsString) });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'a'.repeat(63) });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: { Ref: 'Prefix' } });
  });
});

describe('custom domain', () => {
  test('creates the domain with its certificate and alias A and AAAA records to the CloudFront endpoint', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.com', certificate: certificate(stack), hostedZone: zone(stack) }));

    // THEN
    const template = Template.fromStack(stack);
    const domains = template.findResources('AWS::Cognito::UserPoolDomain', {
      Properties: { Domain: 'auth.example.com', CustomDomainConfig: { CertificateArn: US_EAST_1_CERT } },
    });
    const [domainId] = Object.keys(domains);
    expect(domainId).toMatch(/^LoginDomain/);
    for (const type of ['A', 'AAAA']) {
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'auth.example.com.',
        Type: type,
        HostedZoneId: 'Z0123456789EXAMPLE',
        AliasTarget: {
          DNSName: { 'Fn::GetAtt': [domainId, 'CloudFrontDistribution'] },
          HostedZoneId: Match.anyValue(),
        },
      });
    }
    // The endpoint is read from the domain's attribute, not looked up by a custom resource.
    template.resourceCountIs('Custom::UserPoolCloudFrontDomainName', 0);
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('creates no DNS record without a hosted zone', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.com', certificate: certificate(stack) }));

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::Route53::RecordSet', 0);
  });

  test('refuses a certificate outside us-east-1', () => {
    // GIVEN
    const stack = testStack();
    const arn = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

    // WHEN / THEN
    expect(() => loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.com', certificate: certificate(stack, arn) })))
      .toThrow(`Stack/Login: domain.customDomain.certificate "${arn.slice(0, 77)}..." is invalid: a certificate in us-east-1`);
  });

  test('refuses something that is not a certificate ARN', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.com', certificate: certificate(stack, 'arn:aws:iam::123456789012:role/x') })))
      .toThrow('Stack/Login: domain.customDomain.certificate "arn:aws:iam::123456789012:role/x" is invalid: an ACM certificate ARN');
  });

  test('leaves a certificate ARN that is a token to deploy time', () => {
    // GIVEN
    const stack = testStack();
    const arn = new CfnParameter(stack, 'CertificateArn').valueAsString;

    // WHEN
    loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.com', certificate: certificate(stack, arn) }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      CustomDomainConfig: { CertificateArn: { Ref: 'CertificateArn' } },
    });
  });

  test.each(['Auth.Example.com', 'localhost', 'auth..example.com', 'https://auth.example.com'])('refuses the domain name "%s"', (domainName) => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, LoginDomain.custom({ domainName, certificate: certificate(stack) })))
      .toThrow(`Stack/Login: domain.customDomain.domainName "${domainName}" is invalid: a fully qualified lowercase domain name`);
  });

  test('refuses a domain name outside the hosted zone', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.org', certificate: certificate(stack), hostedZone: zone(stack) })))
      .toThrow('Stack/Login: domain.customDomain.domainName "auth.example.org" is invalid: a name inside the hosted zone example.com');
  });

  test('accepts the zone apex and a zone name with a trailing dot', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginDomain.custom({ domainName: 'example.com', certificate: certificate(stack), hostedZone: zone(stack, 'example.com.') }));

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::Route53::RecordSet', 2);
  });
});

describe('TLS security policy', () => {
  test.each(Object.values(DomainSecurityPolicy))('writes %s into the custom domain config, next to the certificate', (securityPolicy) => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.com', certificate: certificate(stack), securityPolicy }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      CustomDomainConfig: { CertificateArn: US_EAST_1_CERT, SecurityPolicy: securityPolicy },
    });
  });

  test('names no policy by default, so an existing custom domain deploys unchanged', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.com', certificate: certificate(stack) }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      CustomDomainConfig: Match.exact({ CertificateArn: US_EAST_1_CERT }),
    });
  });

  test('is taken by LoginDomain.of too', () => {
    // GIVEN
    const stack = testStack();
    const customDomain: CustomDomainOptions = { domainName: 'auth.example.com', certificate: certificate(stack), securityPolicy: DomainSecurityPolicy.TLS_V1_2_2021 };

    // WHEN
    loginWith(stack, LoginDomain.of({ customDomain }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      CustomDomainConfig: { SecurityPolicy: 'TLS_V1_2_2021' },
    });
  });

  test('refuses a value Cognito does not know, naming the property and the value', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, LoginDomain.custom({
      domainName: 'auth.example.com', certificate: certificate(stack), securityPolicy: 'TLSv1.2_2021' as DomainSecurityPolicy,
    }))).toThrow('Stack/Login: domain.customDomain.securityPolicy "TLSv1.2_2021" is invalid: one of "TLS_V1_3_2025", "TLS_V1_2_2021", "TLS_V1"');
  });

  test('leaves a policy that is a token to deploy time', () => {
    // GIVEN
    const stack = testStack();
    const securityPolicy = new CfnParameter(stack, 'SecurityPolicy').valueAsString as DomainSecurityPolicy;

    // WHEN
    loginWith(stack, LoginDomain.custom({ domainName: 'auth.example.com', certificate: certificate(stack), securityPolicy }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      CustomDomainConfig: { SecurityPolicy: { Ref: 'SecurityPolicy' } },
    });
  });

  test('a prefix domain takes none: Cognito serves it on its own amazoncognito.com certificate', () => {
    // GIVEN
    const stack = testStack();

    // WHEN the policy is handed to a prefix domain anyway (it is no parameter of it)
    // @ts-expect-error cognitoPrefix takes the prefix only
    loginWith(stack, LoginDomain.cognitoPrefix('acme-prod', { securityPolicy: DomainSecurityPolicy.TLS_V1_3_2025 }));

    // THEN the domain has no custom domain config for it to go in
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'acme-prod', CustomDomainConfig: Match.absent(),
    });
  });
});

describe('LoginDomain.of', () => {
  test('takes a prefix', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginDomain.of({ cognitoPrefix: 'acme-prod' }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'acme-prod' });
  });

  test('takes a custom domain', () => {
    // GIVEN
    const stack = testStack();
    const customDomain: CustomDomainOptions = { domainName: 'auth.example.com', certificate: certificate(stack) };

    // WHEN
    loginWith(stack, LoginDomain.of({ customDomain }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'auth.example.com' });
  });

  test('refuses both', () => {
    // GIVEN
    const stack = testStack();
    const customDomain: CustomDomainOptions = { domainName: 'auth.example.com', certificate: certificate(stack) };

    // WHEN / THEN
    expect(() => loginWith(stack, LoginDomain.of({ cognitoPrefix: 'acme-prod', customDomain })))
      .toThrow('Stack/Login: domain "cognitoPrefix: acme-prod, customDomain: auth.example.com" is invalid: exactly one of cognitoPrefix or customDomain, not both');
  });

  test('refuses neither', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, LoginDomain.of({}))).toThrow('Stack/Login: domain "(none given)" is invalid: exactly one of cognitoPrefix or customDomain');
  });
});
