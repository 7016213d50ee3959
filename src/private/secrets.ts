import { SecretValue, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ValidationError } from './validate';

/** What CloudFormation dynamic references look like once resolved: `{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`. */
const DYNAMIC_REFERENCE = '{{resolve:';

/** Stands in for the secret in error messages: the message must never carry the secret itself. */
const HIDDEN = '(plain text, hidden)';

/**
 * Refuses a `SecretValue` whose template value would be the secret itself,
 * e.g. `SecretValue.unsafePlainText('...')`: CloudFormation templates are
 * stored in S3 and shown in the console, so a secret there is a leaked secret.
 *
 * Accepted: dynamic references (`SecretValue.secretsManager`,
 * `SecretValue.ssmSecure`), `SecretValue.cfnParameter` (a NoEcho parameter),
 * resource attributes and any CloudFormation function over those, i.e.
 * anything that resolves to a dynamic reference or to an intrinsic object.
 *
 * The secret is resolved through `unsafeUnwrap()` rather than directly, so the
 * `@aws-cdk/core:checkSecretUsage` feature flag does not throw on this check.
 */
export function requireSecretNotPlainText(scope: IConstruct, prop: string, secret: SecretValue): void {
  const resolved: unknown = Stack.of(scope).resolve(secret.unsafeUnwrap());
  if (isPlainText(resolved)) {
    throw new ValidationError(scope, prop, HIDDEN,
      'a secret must not be in the template as plain text; use SecretValue.secretsManager(...) or SecretValue.ssmSecure(...)');
  }
}

/**
 * The string a provider prop that only takes a string should carry: the
 * dynamic reference (or intrinsic) of a secret already checked not to be plain text.
 */
export function secretAsString(scope: IConstruct, prop: string, secret: SecretValue): string {
  requireSecretNotPlainText(scope, prop, secret);
  return secret.unsafeUnwrap();
}

/** A literal (string or number) that is not, and does not contain, a dynamic reference. */
function isPlainText(resolved: unknown): boolean {
  if (typeof resolved === 'number' || typeof resolved === 'boolean') {
    return true;
  }
  return typeof resolved === 'string' && !resolved.includes(DYNAMIC_REFERENCE);
}
