import * as cognito from 'aws-cdk-lib/aws-cognito';
import { LoginClient, LoginFeature } from '../../private/login-feature';
import { isUnresolved } from '../../private/validate';
import { LoginResourceServerOptions } from '../resource-server';
import { findServer } from './resource-server-checks';

/**
 * Makes every client of the login that asks for a scope of one of its
 * resource servers depend on that server, however the client came: Cognito
 * refuses a client whose scope does not exist yet, and a scope written as a
 * string (`resourceServerScope` gives `identifier/name`) tells CloudFormation
 * nothing of the order (aws-cdk issue 15850). aws-cdk-lib's own
 * `OAuthScope.resourceServer` orders them by putting the server's Ref in the
 * scope's name instead; the login keeps the plain name, which every template
 * of the library already holds and which the synth-time checks of scopes can
 * read, and reads the scopes from the client's CfnUserPoolClient, so a client
 * made with `login.userPool.addClient(...)` (found at synth) is ordered too.
 */
export class LoginScopeDependencies implements LoginFeature {
  constructor(
    private readonly servers: readonly LoginResourceServerOptions[],
    private readonly resources: ReadonlyMap<string, cognito.UserPoolResourceServer>,
  ) {}

  public applyToClient(client: LoginClient): void {
    const scopes = client.resource?.allowedOAuthScopes;
    if (scopes === undefined || isUnresolved(scopes)) {
      return;
    }
    for (const scopeName of scopes.filter((name) => !isUnresolved(name))) {
      const server = findServer(scopeName, this.servers);
      if (server !== undefined) {
        client.resource!.node.addDependency(this.resources.get(server.identifier)!);
      }
    }
  }
}
