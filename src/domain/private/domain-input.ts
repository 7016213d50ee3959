import { ClassInput } from '../../private/class-inputs';

/** The domain prop of a CognitoLogin, as collectClassInputViolations checks it. */
export const LOGIN_DOMAIN: ClassInput = {
  name: 'LoginDomain',
  member: '_bind',
  factories: ['LoginDomain.cognitoPrefix(prefix)', 'LoginDomain.custom({ domainName, hostedZone })', 'LoginDomain.of({ cognitoPrefix, customDomain })'],
};
