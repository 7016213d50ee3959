/**
 * What the handler returns to aws-cdk-lib's nodejs-entrypoint, which turns it
 * into the SUCCESS response (a thrown Error becomes FAILED with its message).
 */
export interface HandlerResult {
  readonly PhysicalResourceId: string;
  /** Attributes readable with Fn::GetAtt; sent on every Create and Update so they never go stale. */
  readonly Data?: Record<string, string>;
}
