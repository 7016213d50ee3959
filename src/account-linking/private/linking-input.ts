import { ClassInput } from '../../private/class-inputs';

/** The accountLinking prop of a CognitoLogin, as collectClassInputViolations checks it. */
export const ACCOUNT_LINKING: ClassInput = {
  name: 'AccountLinking',
  member: 'verifiedEmailOptions',
  factories: ['AccountLinking.byVerifiedEmail({ providers, trustedEmailProviders, createNativeUser })'],
};
