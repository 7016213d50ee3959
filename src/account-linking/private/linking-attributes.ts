import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IDP_EMAIL_VERIFIED_ATTRIBUTE, IDP_EMAIL_VERIFIED_NAME } from './linking-contract';
import { ViolationCollector } from '../../private/validate';
import { LoginProvider } from '../../providers/providers';

/**
 * Where a linking login puts a provider's word on the email: its own
 * verification claim goes to `custom:idp_email_verified` instead of the
 * pool's `email_verified` (why: linking-contract.ts, IDP_EMAIL_VERIFIED_NAME).
 */

/**
 * The mapping a linking login deploys for the provider: the given one, with
 * `emailVerified` moved to `custom:idp_email_verified` when it is the
 * provider's own verification claim. Any other `emailVerified` mapping is
 * left as it is, and refused (linking-policy.ts).
 */
export function linkingAttributeMapping(provider: LoginProvider): cognito.AttributeMapping | undefined {
  const mapping = provider._attributeMapping();
  const claim = provider._emailAssertion().verificationClaim;
  if (mapping?.emailVerified === undefined || mapping.emailVerified.attributeName !== claim) {
    return mapping;
  }
  const { emailVerified, ...rest } = mapping;
  return { ...rest, custom: { ...mapping.custom, [IDP_EMAIL_VERIFIED_ATTRIBUTE]: emailVerified } };
}

/** The key a mapping would use for the attribute, written either way aws-cdk-lib passes through (`custom` keys go to Cognito as given). */
function isIdpEmailVerifiedKey(key: string): boolean {
  return key === IDP_EMAIL_VERIFIED_ATTRIBUTE || key === IDP_EMAIL_VERIFIED_NAME;
}

/**
 * Refuses a login provider whose own mapping fills `custom:idp_email_verified`:
 * only the provider's verification claim may, and the login maps it itself.
 */
export function collectIdpEmailVerifiedMappings(violations: ViolationCollector, providers: readonly LoginProvider[]): void {
  providers.forEach((provider, i) => {
    for (const [key, attribute] of Object.entries(provider._attributeMapping()?.custom ?? {})) {
      if (isIdpEmailVerifiedKey(key)) {
        violations.add(`identityProviders[${i}].attributeMapping.custom.${key}`, attribute.attributeName,
          `no mapping: with account linking, ${IDP_EMAIL_VERIFIED_ATTRIBUTE} holds ${provider.providerName}'s own verification claim, `
          + 'which the login maps from attributeMapping.emailVerified');
      }
    }
  });
}

/** The attribute as the pool declares it: a mutable string, so Cognito can write it at every federated sign-in. */
function idpEmailVerifiedAttribute(): cognito.ICustomAttribute {
  return new cognito.StringAttribute({ mutable: true });
}

/** Whether the app declared the attribute exactly as the login would (kept when linking was turned off, then on again). */
function declaredAsTheLoginWould(attribute: cognito.ICustomAttribute): boolean {
  const declared = attribute.bind();
  return declared.dataType === 'String' && declared.mutable === true
    && declared.stringConstraints === undefined && declared.numberConstraints === undefined;
}

/**
 * The pool's properties with `custom:idp_email_verified` declared. Adding a
 * custom attribute to an existing pool does not replace it: CloudFormation's
 * AWS::Cognito::UserPool `Schema` is "Update requires: No interruption"
 * ("During a user pool update, you can add new schema attributes but you
 * cannot modify or delete an existing schema attribute"), as Cognito's
 * AddCustomAttributes does for an existing pool. So turning linking on for a
 * login deployed before keeps its pool and users; the attribute's
 * definition here must never change, since it cannot be modified.
 */
export function withIdpEmailVerifiedAttribute(poolProps: cognito.UserPoolProps): cognito.UserPoolProps {
  if (poolProps.customAttributes?.[IDP_EMAIL_VERIFIED_NAME] !== undefined) {
    return poolProps;
  }
  return { ...poolProps, customAttributes: { ...poolProps.customAttributes, [IDP_EMAIL_VERIFIED_NAME]: idpEmailVerifiedAttribute() } };
}

/** Refuses an app's own declaration of the attribute that differs from the login's (Cognito could not change it later). */
export function collectDeclaredIdpEmailVerified(violations: ViolationCollector, customAttributes: cognito.UserPoolProps['customAttributes']): void {
  const declared = customAttributes?.[IDP_EMAIL_VERIFIED_NAME];
  if (declared !== undefined && !declaredAsTheLoginWould(declared)) {
    violations.add(`userPoolProps.customAttributes.${IDP_EMAIL_VERIFIED_NAME}`, declared.bind(),
      'absent, or new StringAttribute({ mutable: true }): account linking declares this attribute itself and maps each provider\'s '
      + 'verification claim to it');
  }
}
