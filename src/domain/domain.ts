import { CfnResource, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { CERTIFICATE_REGION, certificateInUsEast1 } from './private/us-east-1-certificate';
import { DomainSecurityPolicy } from './security-policy';
import { DOMAIN_NAME } from '../private/domain-name';
import { ValidationError, isUnresolved, requireOneOf } from '../private/validate';

/** A custom domain of the sign-in pages, e.g. `auth.example.com`. */
export interface CustomDomainOptions {
  /**
   * The fully qualified domain name, lowercase, e.g. `auth.example.com`.
   */
  readonly domainName: string;

  /**
   * The ACM certificate for `domainName`. Cognito serves custom domains
   * through CloudFront, which only takes certificates from us-east-1: one
   * known to be elsewhere (an ARN naming another Region, a Certificate of a
   * stack in another Region) is refused at synth.
   *
   * Left out, `hostedZone` is required and a certificate is made for you in
   * us-east-1, validated by DNS in that zone: in the login's stack when that
   * stack is in us-east-1, else in a stack `<login stack>-Certificate` in
   * us-east-1 that the login's stack depends on (the README's "Domain" says
   * what it costs).
   *
   * @default - a certificate made in us-east-1 and validated in `hostedZone`
   */
  readonly certificate?: acm.ICertificate;

  /**
   * When given, an alias A record (and AAAA) to the CloudFront endpoint is
   * created in this zone, and a certificate left out is validated in it.
   * `domainName` must be inside the zone.
   *
   * @default - no DNS record; then certificate is required
   */
  readonly hostedZone?: route53.IHostedZone;

  /**
   * The TLS security policy: the oldest TLS version (and its ciphers) that
   * browsers and apps may use to reach the domain. `TLS_V1_2_2021` is what
   * Cognito's API reference recommends, `TLS_V1_3_2025` the strictest.
   *
   * Left out, the template names no policy and Cognito applies its own
   * default. The library does not pick one because a default written into
   * every custom domain's template would change, on an upgrade of the
   * library, which clients an existing domain accepts: a default that
   * changes what deploys, breaking by the README's Versioning section.
   * Setting or changing it updates the domain in place (CloudFormation:
   * `CustomDomainConfig`, "Update requires: No interruption"). Once set,
   * change it to another value rather than removing it: what Cognito does
   * with an update that names no policy is not documented.
   *
   * @default - none in the template: Cognito's default
   */
  readonly securityPolicy?: DomainSecurityPolicy;
}

/** Config-driven choice of a domain; exactly one member must be set. */
export interface LoginDomainOptions {
  /**
   * A prefix of the Cognito domain `https://<prefix>.auth.<region>.amazoncognito.com`.
   *
   * @default - none; then customDomain is required
   */
  readonly cognitoPrefix?: string;

  /**
   * A custom domain.
   *
   * @default - none; then cognitoPrefix is required
   */
  readonly customDomain?: CustomDomainOptions;
}

/** The rules of a Cognito domain prefix (API_CreateUserPoolDomain). */
const PREFIX_MAX_LENGTH = 63;
const PREFIX_CHARACTERS = /^[a-z0-9-]+$/;
const PREFIX_RESERVED_WORDS = ['aws', 'amazon', 'cognito'];

const DOMAIN_NAME_MAX_LENGTH = 253;

/**
 * Where the policy goes in AWS::Cognito::UserPoolDomain. Set by override:
 * aws-cdk-lib's UserPoolDomain has no prop for it, and the CfnUserPoolDomain
 * of the peer floor (2.177.0) does not know the property.
 */
const CFN_SECURITY_POLICY = 'CustomDomainConfig.SecurityPolicy';

/**
 * Where the sign-in pages are served: a prefix of Cognito's own domain, or a
 * custom domain with an ACM certificate (and optionally its DNS records).
 *
 * @exampleMetadata fixture=stack
 * @example
 * // Cognito's own domain: https://acme-prod.auth.<region>.amazoncognito.com
 * const prefix = LoginDomain.cognitoPrefix('acme-prod');
 *
 * // Your domain, with a certificate made for you in us-east-1 (validated in the zone) and alias records in the zone
 * declare const hostedZone: route53.IHostedZone;
 * const custom = LoginDomain.custom({ domainName: 'auth.example.com', hostedZone });
 *
 * // ... with a certificate of your own from us-east-1
 * declare const certificate: acm.ICertificate;
 * const own = LoginDomain.custom({ domainName: 'auth.example.com', certificate, hostedZone });
 *
 * // ... accepting TLS 1.3 only
 * const strict = LoginDomain.custom({ domainName: 'auth.example.com', certificate, securityPolicy: DomainSecurityPolicy.TLS_V1_3_2025 });
 */
export class LoginDomain {
  /**
   * A prefix of Cognito's domain: `https://<prefix>.auth.<region>.amazoncognito.com`.
   *
   * @param prefix lowercase letters, digits and hyphens, no hyphen first or last,
   * at most 63 characters, not containing `aws`, `amazon` or `cognito`
   */
  public static cognitoPrefix(prefix: string): LoginDomain {
    return new LoginDomain(prefix, undefined);
  }

  /**
   * A custom domain, e.g. `auth.example.com`, with a us-east-1 certificate:
   * yours, or one made for you and validated in `hostedZone`.
   */
  public static custom(options: CustomDomainOptions): LoginDomain {
    return new LoginDomain(undefined, options);
  }

  /**
   * For config-driven code: exactly one of the two; both or neither is
   * refused when the login is synthesized.
   */
  public static of(options: LoginDomainOptions): LoginDomain {
    return new LoginDomain(options.cognitoPrefix, options.customDomain);
  }

  /**
   * The Cognito domain prefix, when this is a prefix domain. (Not named
   * `cognitoPrefix`: jsii forbids a static and an instance member of one name.)
   *
   * @default - not a prefix domain
   */
  public readonly domainPrefix?: string;

  /**
   * The custom domain, when this is a custom domain.
   *
   * @default - not a custom domain
   */
  public readonly customDomain?: CustomDomainOptions;

  private constructor(domainPrefix: string | undefined, customDomain: CustomDomainOptions | undefined) {
    this.domainPrefix = domainPrefix;
    this.customDomain = customDomain;
  }

  /**
   * Validates the choice and creates the user pool domain (construct id
   * `Domain`) plus, for a custom domain with a hosted zone, its alias records.
   * Validation waits until here because only now is there a construct path
   * for the error message.
   *
   * @internal
   */
  public _bind(scope: Construct, userPool: cognito.IUserPool, managedLoginVersion: cognito.ManagedLoginVersion): cognito.UserPoolDomain {
    const prop = 'domain';
    if (this.domainPrefix !== undefined && this.customDomain !== undefined) {
      throw new ValidationError(scope, prop, `cognitoPrefix: ${this.domainPrefix}, customDomain: ${this.customDomain.domainName}`,
        'exactly one of cognitoPrefix or customDomain, not both');
    }
    if (this.customDomain !== undefined) {
      validateCustomDomain(scope, `${prop}.customDomain`, this.customDomain);
      const certificate = this.customDomain.certificate
        ?? certificateInUsEast1(scope, `${prop}.customDomain`, this.customDomain.domainName, this.customDomain.hostedZone!);
      const domain = new cognito.UserPoolDomain(scope, 'Domain', {
        userPool,
        managedLoginVersion,
        customDomain: { domainName: this.customDomain.domainName, certificate },
      });
      if (this.customDomain.securityPolicy !== undefined) {
        (domain.node.defaultChild as cognito.CfnUserPoolDomain).addPropertyOverride(CFN_SECURITY_POLICY, this.customDomain.securityPolicy);
      }
      if (this.customDomain.hostedZone) {
        addAliasRecords(scope, domain, this.customDomain.domainName, this.customDomain.hostedZone);
      }
      return domain;
    }
    if (this.domainPrefix !== undefined) {
      validatePrefix(scope, `${prop}.cognitoPrefix`, this.domainPrefix);
      return new cognito.UserPoolDomain(scope, 'Domain', {
        userPool,
        managedLoginVersion,
        cognitoDomain: { domainPrefix: this.domainPrefix },
      });
    }
    throw new ValidationError(scope, prop, '(none given)', 'exactly one of cognitoPrefix or customDomain');
  }
}

function validatePrefix(scope: Construct, prop: string, prefix: string): void {
  if (isUnresolved(prefix)) {
    return;
  }
  if (prefix.length === 0 || prefix.length > PREFIX_MAX_LENGTH) {
    throw new ValidationError(scope, prop, prefix, `1 to ${PREFIX_MAX_LENGTH} characters (got ${prefix.length})`);
  }
  if (!PREFIX_CHARACTERS.test(prefix)) {
    throw new ValidationError(scope, prop, prefix, 'only lowercase letters, digits and hyphens');
  }
  if (prefix.startsWith('-') || prefix.endsWith('-')) {
    throw new ValidationError(scope, prop, prefix, 'must not start or end with a hyphen');
  }
  const reserved = PREFIX_RESERVED_WORDS.find((word) => prefix.includes(word));
  if (reserved) {
    throw new ValidationError(scope, prop, prefix, `must not contain "${reserved}" (Cognito reserves ${PREFIX_RESERVED_WORDS.join(', ')})`);
  }
}

function validateCustomDomain(scope: Construct, prop: string, options: CustomDomainOptions): void {
  const domainName = options.domainName;
  if (!isUnresolved(domainName)) {
    // Not a string: left out, which a Go struct or plain JavaScript allows.
    if (typeof domainName !== 'string' || domainName.length > DOMAIN_NAME_MAX_LENGTH || !DOMAIN_NAME.test(domainName)) {
      throw new ValidationError(scope, `${prop}.domainName`, domainName,
        `a fully qualified lowercase domain name such as auth.example.com, at most ${DOMAIN_NAME_MAX_LENGTH} characters`);
    }
  }

  if (options.certificate === undefined && options.hostedZone === undefined) {
    throw new ValidationError(scope, `${prop}.certificate`, options.certificate,
      `${CERTIFICATE_HINT}; or leave it out and give hostedZone, to have one made in ${CERTIFICATE_REGION} and validated in that zone`);
  }
  if (options.certificate !== undefined) {
    validateCertificate(scope, `${prop}.certificate`, options.certificate);
  }

  if (options.securityPolicy !== undefined) {
    requireOneOf<string>(scope, `${prop}.securityPolicy`, options.securityPolicy, Object.values(DomainSecurityPolicy));
  }

  const zoneName = options.hostedZone?.zoneName;
  if (zoneName !== undefined && !isUnresolved(zoneName) && !isUnresolved(domainName)) {
    const zone = zoneName.replace(/\.$/, '').toLowerCase();
    if (domainName !== zone && !domainName.endsWith(`.${zone}`)) {
      throw new ValidationError(scope, `${prop}.domainName`, domainName, `a name inside the hosted zone ${zone}`);
    }
  }
}

const CERTIFICATE_HINT = `an ACM certificate in ${CERTIFICATE_REGION} for the domain, e.g. acm.Certificate.fromCertificateArn(this, 'Certificate', `
  + `'arn:aws:acm:${CERTIFICATE_REGION}:<account>:certificate/<id>'), or an acm.Certificate of a stack in ${CERTIFICATE_REGION}`;

const WRONG_REGION = `a certificate in ${CERTIFICATE_REGION}: Cognito serves custom domains through CloudFront, which reads certificates from ${CERTIFICATE_REGION} only`;

/**
 * Refuses a certificate known to be outside us-east-1: an ARN whose Region
 * part is a literal other than us-east-1, or an `acm.Certificate` (its
 * `AWS::CertificateManager::Certificate`) of a stack whose Region is
 * resolved and another. Anything else (an ARN that is a token, a
 * certificate made by a custom resource in another Region) is left to
 * Cognito at deploy time.
 */
function validateCertificate(scope: Construct, prop: string, certificate: acm.ICertificate): void {
  const certificateArn: unknown = certificate.certificateArn;
  if (typeof certificateArn !== 'string') {
    // Not an ICertificate (an ARN string, say, from a language whose typing lets it through).
    throw new ValidationError(scope, prop, certificate, CERTIFICATE_HINT);
  }
  // An ARN with tokens in it (`arn:aws:acm:eu-west-1:${AWS::AccountId}:...`) can still name its Region as a literal.
  const region = certificateRegion(certificateArn);
  if (region === undefined && !isUnresolved(certificateArn)) {
    throw new ValidationError(scope, prop, certificateArn, `an ACM certificate ARN (arn:<partition>:acm:${CERTIFICATE_REGION}:<account>:certificate/<id>)`);
  }
  if (region !== undefined && !isUnresolved(region) && region !== CERTIFICATE_REGION) {
    throw new ValidationError(scope, prop, certificateArn, WRONG_REGION);
  }
  const resource = certificate.node.defaultChild;
  if (CfnResource.isCfnResource(resource) && resource.cfnResourceType === 'AWS::CertificateManager::Certificate') {
    const stack = Stack.of(resource);
    if (!isUnresolved(stack.region) && stack.region !== CERTIFICATE_REGION) {
      throw new ValidationError(scope, prop, certificate.node.path, `${WRONG_REGION} (its stack ${stack.node.path} is in ${stack.region})`);
    }
  }
}

/** The region of `arn:<partition>:acm:<region>:<account>:certificate/<id>`; undefined when it is not such an ARN. */
function certificateRegion(certificateArn: string): string | undefined {
  const match = /^arn:[^:]+:acm:([^:]*):[^:]*:certificate\/.+$/.exec(certificateArn);
  return match ? match[1] : undefined;
}

/**
 * A (IPv4) and AAAA (IPv6) alias records for the custom domain.
 *
 * The target is the domain's `CloudFrontDistribution` attribute. This is what
 * aws-route53-targets' `UserPoolDomainTarget` does too, but only when the
 * feature flag `@aws-cdk/aws-route53-targets:userPoolDomainNameMethodWithoutCustomResource`
 * is on; without it, it deploys an extra Lambda custom resource with a `*`
 * IAM policy to look the name up. Reading the attribute directly needs neither.
 */
function addAliasRecords(scope: Construct, domain: cognito.UserPoolDomain, domainName: string, zone: route53.IHostedZone): void {
  const target = route53.RecordTarget.fromAlias(new CognitoDomainAliasTarget(domain));
  new route53.ARecord(scope, 'DomainARecord', { zone, recordName: domainName, target });
  new route53.AaaaRecord(scope, 'DomainAaaaRecord', { zone, recordName: domainName, target });
}

/** Alias target: the CloudFront distribution Cognito created for a custom domain. */
class CognitoDomainAliasTarget implements route53.IAliasRecordTarget {
  constructor(private readonly domain: cognito.UserPoolDomain) {}

  public bind(_record: route53.IRecordSet, _zone?: route53.IHostedZone): route53.AliasRecordTargetConfig {
    return {
      dnsName: this.domain.cloudFrontEndpoint,
      hostedZoneId: CloudFrontTarget.getHostedZoneId(this.domain),
    };
  }
}
