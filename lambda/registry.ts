/**
 * The custom-resource types this handler serves: each entry pairs a type's
 * declaration (its name, property contract and permissions, written once in
 * src/ beside its constructs) with the function in lambda/ that carries it
 * out. index.ts dispatches through this list; the IAM test reads it to prove
 * that every command the handler can send is granted by some type.
 *
 * Adding a type: its contract file in src/<feature>/private/, its handler in
 * lambda/<feature>/, one entry here (docs/architecture.md).
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { onBrandingEvent } from './branding/handler';
import { onClassicEvent } from './classic/handler';
import { onClientMetadataPolicyEvent } from './registration/cimd-handler';
import { onRegistrationEvent } from './registration/handler';
import { Invocation } from './shared/invocation';
import { HandlerResult } from './shared/result';
import { MANAGED_LOGIN_BRANDING } from '../src/branding/private/branding-contract';
import { CLASSIC_CUSTOMIZATION } from '../src/classic/private/classic-contract';
import { CustomResourceType, DeclaredTarget } from '../src/private/custom-resource-contract';
import { CLIENT_METADATA_POLICY } from '../src/registration/private/cimd-contract';
import { CLIENT_REGISTRATION } from '../src/registration/private/registration-contract';

/** What serves one event of a type: it parses the properties with the type's contract and answers CloudFormation. */
export type ResourceEventHandler = (invocation: Invocation, event: CloudFormationCustomResourceEvent) => Promise<HandlerResult>;

/** One registered type: its declaration and its handler. */
export interface RegisteredType {
  readonly type: CustomResourceType<DeclaredTarget>;
  readonly onEvent: ResourceEventHandler;
}

export const RESOURCE_TYPES: readonly RegisteredType[] = [
  { type: MANAGED_LOGIN_BRANDING, onEvent: onBrandingEvent },
  { type: CLASSIC_CUSTOMIZATION, onEvent: onClassicEvent },
  { type: CLIENT_REGISTRATION, onEvent: onRegistrationEvent },
  { type: CLIENT_METADATA_POLICY, onEvent: onClientMetadataPolicyEvent },
];

/** The entry for a CloudFormation resource type, if this handler serves it. */
export function registeredType(resourceType: string): RegisteredType | undefined {
  return RESOURCE_TYPES.find((entry) => entry.type.resourceType === resourceType);
}
