import { ClassInput } from '../../private/class-inputs';

/** The clientRegistration prop of a CognitoLogin, as collectClassInputViolations checks it. */
export const CLIENT_REGISTRATION_INPUT: ClassInput = {
  name: 'ClientRegistration',
  member: 'options',
  factories: ['ClientRegistration.authenticated({ grantTypes, scopes })', 'ClientRegistration.open({ grantTypes, scopes })'],
};
