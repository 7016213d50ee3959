import { CfnOutput, Stack, Stage, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct, IConstruct } from 'constructs';
import { ValidationError, isUnresolved } from '../../private/validate';

/**
 * CloudFront, which serves every Cognito custom domain, reads certificates
 * from this Region only (ACM User Guide, "Supported Regions":
 * https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html).
 */
export const CERTIFICATE_REGION = 'us-east-1';

/** CloudFormation's limit on a stack name (CreateStack, `StackName`). */
const STACK_NAME_MAX_LENGTH = 128;
const STACK_NAME_SUFFIX = '-Certificate';

/** The stacks this module made, so a second login of the same stack adds its certificate to the same one. */
const CERTIFICATE_STACKS = new WeakSet<Stack>();

/**
 * A certificate for `domainName`, requested from ACM in us-east-1 and
 * validated by DNS in `hostedZone` (CloudFormation writes the validation
 * record itself: `AWS::CertificateManager::Certificate`, `DomainValidationOptions`
 * with `HostedZoneId`).
 *
 * A login stack in us-east-1 holds the certificate itself. Any other stack
 * (and one whose Region is only known at deploy time) gets a companion stack
 * in us-east-1, a sibling in the same App or Stage, which the login stack
 * depends on, so `cdk deploy <login stack>` deploys it first. The login stack
 * reads the certificate's ARN from the companion's output with
 * `Fn::GetStackOutput`, which reads another stack's output in another Region
 * of the same account, without an export and without a Lambda
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getstackoutput.html).
 * It is written here rather than left to aws-cdk-lib's cross-stack references,
 * whose output for a cross-Region reference depends on the aws-cdk-lib
 * version and on the app's `@aws-cdk/core:defaultCrossStackReferences` flag
 * (at the peer floor: `crossRegionReferences` on the consuming stack, two
 * Lambda-backed custom resources and SSM parameters, and a strong reference
 * that refuses to replace the certificate).
 */
export function certificateInUsEast1(scope: Construct, prop: string, domainName: string, hostedZone: route53.IHostedZone): acm.ICertificate {
  const loginStack = Stack.of(scope);
  const validation = acm.CertificateValidation.fromDns(hostedZone);
  if (!isUnresolved(loginStack.region) && loginStack.region === CERTIFICATE_REGION) {
    return new acm.Certificate(scope, 'DomainCertificate', { domainName, validation });
  }

  // The companion is deployed before the login stack, so it cannot read a value the login stack (or any other) makes.
  if (isUnresolved(domainName)) {
    throw new ValidationError(scope, `${prop}.domainName`, domainName,
      `a domain name known at synth when the certificate is made for you: it is requested in a stack in ${CERTIFICATE_REGION}, `
      + 'deployed before this one (or pass certificate)');
  }
  if (isUnresolved(hostedZone.hostedZoneId)) {
    throw new ValidationError(scope, `${prop}.hostedZone`, hostedZone.node.path,
      'a hosted zone whose id is known at synth (route53.HostedZone.fromHostedZoneAttributes or fromLookup) when the certificate is made for you: '
      + `it is validated from a stack in ${CERTIFICATE_REGION}, deployed before this one, which cannot read a zone another stack makes (or pass certificate)`);
  }

  const certificateStack = companionStack(scope, loginStack);
  const id = `${relativeId(scope, loginStack)}DomainCertificate`;
  const certificate = new acm.Certificate(certificateStack, id, { domainName, validation });
  const output = new CfnOutput(certificateStack, `${id}Arn`, {
    value: certificate.certificateArn,
    description: `ARN of the certificate of ${domainName}, read by ${loginStack.stackName} (${scope.node.path})`,
  });
  const arn = Token.asString({
    'Fn::GetStackOutput': {
      StackName: certificateStack.stackName,
      OutputName: certificateStack.getLogicalId(output),
      Region: CERTIFICATE_REGION,
    },
  });
  return acm.Certificate.fromCertificateArn(scope, 'DomainCertificate', arn);
}

/**
 * The us-east-1 stack holding the certificates of `loginStack`'s custom
 * domains: a sibling named after it (`<login stack>-Certificate`), in its
 * account.
 */
function companionStack(scope: IConstruct, loginStack: Stack): Stack {
  const parent = loginStack.node.scope ?? Stage.of(loginStack);
  if (parent === undefined) {
    throw new ValidationError(scope, 'domain.customDomain.certificate', undefined,
      `a certificate: the stack ${loginStack.node.path} is in no App, so no stack in ${CERTIFICATE_REGION} can be made beside it`);
  }
  const id = `${loginStack.node.id}Certificate`;
  const existing = parent.node.tryFindChild(id);
  if (existing instanceof Stack && CERTIFICATE_STACKS.has(existing)) {
    return existing;
  }
  if (existing !== undefined) {
    throw new ValidationError(scope, 'domain.customDomain.certificate', undefined,
      `a certificate, or a free construct id ${id} beside the stack ${loginStack.node.path}, where the stack in ${CERTIFICATE_REGION} that makes it goes`);
  }
  const stack = new Stack(parent, id, {
    env: { account: isUnresolved(loginStack.account) ? undefined : loginStack.account, region: CERTIFICATE_REGION },
    stackName: isUnresolved(loginStack.stackName) ? undefined
      : `${loginStack.stackName.slice(0, STACK_NAME_MAX_LENGTH - STACK_NAME_SUFFIX.length)}${STACK_NAME_SUFFIX}`,
    description: `ACM certificates in ${CERTIFICATE_REGION} of the Cognito custom domains of ${loginStack.stackName} (made by cdk-cognito-login)`,
  });
  CERTIFICATE_STACKS.add(stack);
  // A construct dependency between stacks becomes a stack dependency (Stack#addDependency is deprecated in newer aws-cdk-lib releases, and their addStackDependency is missing at the peer floor).
  loginStack.node.addDependency(stack);
  return stack;
}

/** `scope`'s path inside its stack without slashes, e.g. `Login` or `AuthLogin`: one certificate per login. */
function relativeId(scope: IConstruct, stack: Stack): string {
  return scope.node.scopes.slice(stack.node.scopes.length).map((c) => c.node.id).join('');
}
