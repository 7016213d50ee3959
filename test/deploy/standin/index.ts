export * from './stand-in';
export * from './call-log';
export * from './snapshot';
export type { FaultKind, FaultRule } from './faults';
export type { CreateUserPoolDomainOptions, CreateUserPoolOptions } from './cognito-state';
export { slotKey } from './cognito-state';
export type { FederatedSignInOutcome, PreSignUpEvent, PreSignUpTrigger, StoredUser } from './users';
export { MAX_BRANDING_REQUEST_BYTES, settingsRefusal } from './managed-login-branding';
export { MAX_UI_CUSTOMIZATION_REQUEST_BYTES } from './classic-customization';
