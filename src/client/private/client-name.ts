import { IConstruct } from 'constructs';
import { ValidationError, isUnresolved } from '../../private/validate';

/** Cognito's rule for ClientName (API_CreateUserPoolClient): 1 to 128 of `[\w\s+=,.@-]`. */
const CLIENT_NAME = /^[\w\s+=,.@-]{1,128}$/;

const ALLOWED = 'a Cognito client name: 1 to 128 letters, digits, spaces and + = , . @ - _';

/**
 * Refuses an app client name Cognito would reject at deploy. The name is the
 * clientName given, else the client's construct id, so a construct id such
 * as `Web App (beta)` is caught too, and the error names whichever was used.
 */
export function validateClientName(scope: IConstruct, clientId: string, clientName: string | undefined): void {
  const name = clientName ?? clientId;
  if (isUnresolved(name) || CLIENT_NAME.test(name)) {
    return;
  }
  if (clientName === undefined) {
    throw new ValidationError(scope, 'id', clientId, `${ALLOWED}; the id is the client's name in Cognito unless clientName is given`);
  }
  throw new ValidationError(scope, `${clientId}.clientName`, clientName, ALLOWED);
}
