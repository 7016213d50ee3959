/**
 * Which calls change state: the one definition the stand-in's per-pool
 * write limit, the benchmarks, the demo and the handler's unit tests count
 * writes by.
 *
 * By name: the read-only operations of the models the handler and the
 * trigger call (botocore's cognito-idp, ssm, s3 and cloudformation) are
 * named Describe*, Get*, List*, Head* (S3) and AdminGet*, AdminList*
 * (Cognito); every other operation may write. A rule rather than a list, so
 * an operation the handler starts to send is counted without anyone
 * remembering to add it (the CIMD policy writes were missing from two of
 * the three lists this replaces).
 */
const READ_ONLY = /^(Admin)?(Describe|Get|List|Head)[A-Z]/;

/** Whether `operation` (as the model names it, e.g. `UpdateManagedLoginBranding`) may change state. */
export function isWrite(operation: string): boolean {
  return !READ_ONLY.test(operation);
}
