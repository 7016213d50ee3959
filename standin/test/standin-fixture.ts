import { StandIn, StandInOptions } from '../services';
import { sdkClients } from '../services/sdk-clients';

/** A stand-in with one pool (managed login domain) and one client, and SDK clients aimed at it; stopped after the file's tests. */
export function standInFixture(options: StandInOptions = {}) {
  const fixture = {} as {
    standIn: StandIn;
    poolId: string;
    clientId: string;
    clients: ReturnType<typeof sdkClients>;
  };
  beforeEach(async () => {
    fixture.standIn = await StandIn.start(options);
    fixture.poolId = fixture.standIn.createUserPool().id;
    fixture.clientId = fixture.standIn.createUserPoolClient(fixture.poolId, 'Web');
    fixture.standIn.createUserPoolDomain(fixture.poolId, { domain: 'acme-test', managedLoginVersion: 2 });
    fixture.clients = sdkClients(fixture.standIn);
  });
  afterEach(async () => {
    fixture.clients.cognito.destroy();
    fixture.clients.ssm.destroy();
    fixture.clients.s3.destroy();
    fixture.clients.cloudFormation.destroy();
    await fixture.standIn.stop();
  });
  return fixture;
}

/** The rejection of a promise, for asserting the SDK exception's name and message. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error('expected the call to fail, and it succeeded');
}
