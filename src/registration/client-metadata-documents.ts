import { Duration } from 'aws-cdk-lib';

/**
 * Client ID metadata documents (CIMD) for one app client: OAuth clients (MCP
 * clients, agents) identify themselves with an HTTPS URL as their client id,
 * where their metadata document is; Cognito fetches it and accepts the client
 * as this app client when the URL matches one of the patterns. CIMD clients
 * are public clients (no secret) and get no client credentials grant.
 */
export interface ClientMetadataDocumentsOptions {
  /**
   * One to five HTTPS URL patterns (`*` matches), e.g.
   * `https://agents.example.com/*.json`.
   */
  readonly urlPatterns: string[];

  /**
   * How long Cognito caches a metadata document whose `Cache-Control` sets
   * no `max-age` between one day and one year: one day to one year, whole seconds.
   *
   * @default - Cognito's: one day
   */
  readonly cacheDuration?: Duration;
}
