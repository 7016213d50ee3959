import { ClassInput } from '../../private/class-inputs';

/** Each of a CognitoLogin's identityProviders, as collectClassInputViolations checks it. */
export const LOGIN_PROVIDER: ClassInput = {
  name: 'LoginProvider',
  member: '_bind',
  factories: ['LoginProvider.google(...)', 'LoginProvider.facebook(...)', 'LoginProvider.amazon(...)', 'LoginProvider.apple(...)',
    'LoginProvider.oidc(...)', 'LoginProvider.saml(...)', 'LoginProvider.existing(...)'],
};
