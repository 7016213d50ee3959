/**
 * The TLS security policy of a custom domain: the oldest TLS version and the
 * cipher suites that the CloudFront distribution Cognito makes for the domain
 * accepts from browsers and apps. The values are Cognito's
 * `SecurityPolicyType` (`CustomDomainConfig.SecurityPolicy` of
 * CreateUserPoolDomain and UpdateUserPoolDomain, botocore's cognito-idp
 * model); what each allows is CloudFront's policy of the same name
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html).
 * A prefix domain (`*.amazoncognito.com`) has none: the model puts the
 * policy inside `CustomDomainConfig`, which only a custom domain has.
 *
 * @exampleMetadata fixture=stack
 * @example
 * declare const certificate: acm.ICertificate;
 * new CognitoLogin(this, 'Login', {
 *   domain: LoginDomain.custom({ domainName: 'auth.example.com', certificate, securityPolicy: DomainSecurityPolicy.TLS_V1_2_2021 }),
 * });
 */
export enum DomainSecurityPolicy {
  /**
   * TLS 1.3 only (CloudFront's TLSv1.3_2025), post-quantum ready: the
   * strictest, for apps whose every client and browser is recent.
   */
  TLS_V1_3_2025 = 'TLS_V1_3_2025',
  /**
   * TLS 1.3, falling back to TLS 1.2 for older clients (CloudFront's
   * TLSv1.2_2021): what Cognito's API reference recommends as the minimum for
   * consumer apps.
   */
  TLS_V1_2_2021 = 'TLS_V1_2_2021',
  /**
   * Falls back as far as TLS 1.0 (CloudFront's TLSv1), for clients more than a
   * decade old: Cognito's API reference strongly discourages it.
   */
  TLS_V1 = 'TLS_V1',
}
