import * as kms from 'aws-cdk-lib/aws-kms';

/**
 * A replica of the login's user pool in a second Region, with failover of
 * the login's domain to it (Cognito multi-Region replication, developer
 * guide "Multi-Region replication for user pools").
 *
 * The login encrypts the pool with a multi-Region customer-managed KMS key,
 * gives it the multi-Region (`UPDATED`) issuer, creates the replica, sets
 * the replica Region's own settings (the login's Lambda triggers, deployed
 * in that Region too, and the pool's email and SMS settings) and routes the
 * domain to the replica when a Route 53 health check of the primary fails.
 * Resources of the replica Region go in stacks the login adds to your app
 * (`<stack>-<login>-Replica`, and the key's stacks when the login makes the
 * key): one `cdk deploy --all` deploys them in order.
 *
 * @exampleMetadata fixture=stack
 * @example
 * new CognitoLogin(this, 'Login', {
 *   domain: LoginDomain.cognitoPrefix('acme-prod'),
 *   replica: { region: 'eu-central-1' },
 * });
 */
export interface LoginReplicaOptions {
  /**
   * The Region of the replica, e.g. `eu-central-1`: another Region than the
   * login's stack. Cognito allows one replica per user pool.
   */
  readonly region: string;

  /**
   * The multi-Region customer-managed KMS key that encrypts the pool: its
   * primary key in the login's Region (`arn:...:key/mrk-...`), already
   * replicated to `region` (Cognito needs the key in every Region of the
   * pool). Cognito must be allowed to use it in both Regions
   * (`cognito-idp.amazonaws.com` in the key policy).
   *
   * @default - a multi-Region key made by the login: its primary in a stack
   * of the login's Region, its replica in a stack of `region`, both kept
   * (RemovalPolicy.RETAIN) when the stacks are deleted, since the pool's
   * data cannot be read without it
   */
  readonly key?: kms.IKey;

  /**
   * Whether the replica serves sign-in. Cognito creates a replica INACTIVE;
   * turn it on once the replica Region's settings are what you want (the
   * README says when): an inactive replica takes no traffic, even when the
   * domain fails over to it.
   *
   * @default false
   */
  readonly active?: boolean;

  /**
   * The Route 53 health check whose failure moves the domain's traffic to
   * the replica (`Routing.Failover.PrimaryRoute53HealthCheckId` of the
   * domain).
   *
   * @default - a health check made by the login: HTTPS, every 30 seconds,
   * of the pool's key set (`/.well-known/jwks.json`) at Cognito's endpoint
   * in the login's Region
   */
  readonly healthCheckId?: string;
}
