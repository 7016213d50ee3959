import { SecretValue, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ValidationError } from '../../private/validate';

/** What CloudFormation dynamic references look like once resolved: `{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`. */
const DYNAMIC_REFERENCE = '{{resolve:';

/**
 * CloudFormation resolves `ssm-secure` references only in a short list of
 * resource properties, and identity provider details are not among them
 * (cdk's template validation reports E1027): the deployment would fail.
 */
const SSM_SECURE_REFERENCE = '{{resolve:ssm-secure:';

/** Stands in for the secret in error messages: the message must never carry the secret itself. */
const HIDDEN = '(plain text, hidden)';

/**
 * Refuses a `SecretValue` whose template value would be the secret itself,
 * e.g. `SecretValue.unsafePlainText('...')`: CloudFormation templates are
 * stored in S3 and shown in the console, so a secret there is a leaked secret.
 *
 * Accepted: Secrets Manager dynamic references (`SecretValue.secretsManager`),
 * `SecretValue.cfnParameter` (a NoEcho parameter), resource attributes and any
 * CloudFormation function over those, i.e. anything that resolves to a
 * dynamic reference or to an intrinsic object. Refused as well:
 * `SecretValue.ssmSecure`, which CloudFormation does not resolve in the
 * properties this library passes secrets to.
 *
 * The secret is resolved through `unsafeUnwrap()` rather than directly, so the
 * `@aws-cdk/core:checkSecretUsage` feature flag does not throw on this check.
 */
export function requireSecretReference(scope: IConstruct, prop: string, secret: SecretValue): void {
  const resolved: unknown = Stack.of(scope).resolve(secret.unsafeUnwrap());
  if (isPlainText(resolved)) {
    throw new ValidationError(scope, prop, HIDDEN,
      'a secret must not be in the template as plain text; use SecretValue.secretsManager(...) or SecretValue.cfnParameter(...) of a NoEcho parameter');
  }
  if (typeof resolved === 'string' && resolved.includes(SSM_SECURE_REFERENCE)) {
    // A reference names where the secret is, not the secret: it may be shown.
    throw new ValidationError(scope, prop, resolved,
      'CloudFormation resolves SSM SecureString references only in a few resource properties, not here; use SecretValue.secretsManager(...)');
  }
}

/**
 * The string a provider prop that only takes a string should carry: the
 * dynamic reference (or intrinsic) of a secret already checked not to be plain text.
 */
export function secretAsString(scope: IConstruct, prop: string, secret: SecretValue): string {
  requireSecretReference(scope, prop, secret);
  return secret.unsafeUnwrap();
}

/** A literal (string or number) that is not, and does not contain, a dynamic reference. */
function isPlainText(resolved: unknown): boolean {
  if (typeof resolved === 'number' || typeof resolved === 'boolean') {
    return true;
  }
  return typeof resolved === 'string' && !resolved.includes(DYNAMIC_REFERENCE);
}
