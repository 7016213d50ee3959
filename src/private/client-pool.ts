import { Reference, Token, Tokenization } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { ViolationCollector } from './validate';

/**
 * A user pool as far as synth can tell it apart from others: the CfnUserPool
 * this app makes, or the literal id of a pool imported by id.
 */
type KnownPool = cognito.CfnUserPool | string;

/**
 * Records a violation when the client belongs to another pool than the one
 * it is styled on. A style names its pool and its client separately
 * (UserPoolId and ClientId of SetUICustomization and
 * CreateManagedLoginBranding), and Cognito looks for the client in that pool,
 * so the deployment would fail. Judged only when both pools are known at
 * synth: two pools this app makes, or two literal ids. A pool made here and
 * one imported by id may be the same (the import naming the deployed pool),
 * and a client imported by id tells no pool: neither is judged.
 *
 * @param prop how the props name the client, e.g. `client`
 */
export function collectClientPoolViolations(
  violations: ViolationCollector, prop: string, userPool: cognito.IUserPool, client: cognito.IUserPoolClient,
): void {
  const cfn = client.node.defaultChild;
  if (!(cfn instanceof cognito.CfnUserPoolClient)) {
    return;
  }
  const stylePool = knownPool(userPool.userPoolId);
  const clientPool = knownPool(cfn.userPoolId);
  // Different only when both are pools made here or both are literal ids.
  if (stylePool === undefined || clientPool === undefined || typeof stylePool !== typeof clientPool || stylePool === clientPool) {
    return;
  }
  violations.add(prop, client.node.path,
    `a client of the user pool ${describePool(stylePool)}; this one belongs to ${describePool(clientPool)}, `
    + 'and Cognito looks for the client in the pool the style names. Give the client\'s own pool, or a client of this pool');
}

/** The pool behind an id: its CfnUserPool when the id is a Ref to one, the id when it is literal, else undefined. */
function knownPool(userPoolId: string): KnownPool | undefined {
  if (!Token.isUnresolved(userPoolId)) {
    return userPoolId;
  }
  const fragments = Tokenization.reverseString(userPoolId);
  const token = fragments.firstToken;
  if (fragments.length === 1 && Reference.isReference(token) && token.displayName === 'Ref' && token.target instanceof cognito.CfnUserPool) {
    return token.target;
  }
  return undefined;
}

/** A pool as users wrote it: the L2's path for its default child (`Stack/Pool`), or the imported id. */
function describePool(pool: KnownPool): string {
  if (typeof pool === 'string') {
    return pool;
  }
  const owner: IConstruct | undefined = pool.node.scope;
  return owner !== undefined && owner.node.defaultChild === pool ? owner.node.path : pool.node.path;
}
