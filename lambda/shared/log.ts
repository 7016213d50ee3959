/**
 * The only way the handler writes to its log.
 *
 * Log lines are structured (one JSON object per line) and take a closed set of
 * fields: ids, request and resource types, categories, hashes and sizes. There
 * is deliberately no field for free-form payloads, so image bytes, CSS text and
 * settings documents have no way into CloudWatch, nor has a person's email, name
 * or provider subject.
 */
export interface LogFields {
  readonly requestType?: string;
  readonly resourceType?: string;
  readonly physicalResourceId?: string;
  readonly userPoolId?: string;
  readonly clientId?: string;
  readonly brandingId?: string;
  /** What the handler decided to do, e.g. 'create', 'update', 'recreate', 'no-op'. */
  readonly action?: string;
  /** Why it decided so, in words (never a payload). */
  readonly reason?: string;
  readonly operation?: string;
  readonly attempt?: number;
  readonly delayMs?: number;
  readonly errorName?: string;
  readonly bucket?: string;
  readonly key?: string;
  /** A custom resource that owns or owned a target: `<StackId>|<LogicalResourceId>`. */
  readonly owner?: string;
  /** An ownership record's SSM parameter name (ids only). */
  readonly parameter?: string;
  /** Bytes of one request body as sent. */
  readonly requestBytes?: number;
  readonly hash?: string;
  /** Content hashes of the files a request uses, by role (e.g. css, logo). */
  readonly hashes?: Readonly<Record<string, string>>;
  readonly sizeBytes?: number;
  readonly assets?: ReadonlyArray<AssetLogEntry>;
  /** A Lambda trigger's trigger source, e.g. PreSignUp_ExternalProvider. */
  readonly triggerSource?: string;
  /** An identity provider's name as configured in the pool (never a person's id at it). */
  readonly provider?: string;
  /** How many users a search found. */
  readonly candidates?: number;
  /** A user name hashed (sha256, 16 hex digits): enough to match log lines, nothing of the person. */
  readonly userHash?: string;
}

/** What may be logged about one branding asset. */
export interface AssetLogEntry {
  readonly category: string;
  readonly colorMode: string;
  readonly resourceId?: string;
  readonly hash?: string;
  readonly sizeBytes?: number;
}

export function log(message: string, fields: LogFields = {}): void {
  console.log(JSON.stringify({ message, ...fields }));
}
