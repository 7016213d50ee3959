/**
 * What the Lambda bundles get in place of `@smithy/core/event-streams`
 * (about 15 kB of the minified handler; scripts/bundle/sdk-trim.ts
 * substitutes this file for it). Event streams carry the input or output of
 * the few operations whose model has an event stream member; of the four
 * clients the handler bundles only S3's SelectObjectContent has one, and the
 * handler sends GetObject alone (lambda/shared/sdk.ts). The S3 client still
 * builds a marshaller when it is constructed (`resolveEventStreamSerdeConfig`
 * in S3Client.js, with `eventStreamSerdeProvider` from its runtime
 * configuration), and the protocol imports `EventStreamSerde` only when an
 * operation has such a member (`loadEventStreamCapability` in @smithy/core's
 * protocols/HttpProtocol). So these keep the names, and anything that would
 * actually read or write an event stream fails saying why.
 */
function unbundled(): never {
  throw new Error('Event streams are not in this Lambda bundle (scripts/bundle/event-streams-unbundled.ts): no operation it sends has one');
}

/** The marshaller a client builds at construction: never used by the bundled operations. */
export function eventStreamSerdeProvider(): { serialize: () => never; deserialize: () => never } {
  return { serialize: unbundled, deserialize: unbundled };
}

/** As @smithy/core's: the client configuration with its event stream marshaller. */
export function resolveEventStreamSerdeConfig<T extends { eventStreamSerdeProvider: (config: T) => unknown }>(
  input: T,
): T & { eventStreamMarshaller: unknown } {
  return Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });
}

/** Loaded by the protocol only for an operation with an event stream member. */
export class EventStreamSerde {
  constructor() {
    unbundled();
  }
}
