import { UserPool } from './cognito-state';
import { invalidParameter } from './service-error';

/** Both kinds of login-page customization need the pool to have a domain first (standin/README.md). */
export function requireDomain(pool: UserPool): void {
  if (pool.domains.length === 0) {
    throw invalidParameter(`User pool ${pool.id} has no domain. Add a domain to the user pool before you customize its login pages.`);
  }
}
