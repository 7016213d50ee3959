/** One OAuth scope of a resource server; clients ask for it as `<identifier>/<name>`. */
export interface ResourceServerScopeOptions {
  /** The scope name, e.g. `read`; no spaces, quotes, backslashes or slashes. */
  readonly name: string;
  /** What the scope allows, shown to administrators. */
  readonly description: string;
}

/** An API (OAuth resource server) whose scopes the login's clients can ask for. */
export interface LoginResourceServerOptions {
  /** The identifier, e.g. `api` or `https://api.example.com`; scopes are `<identifier>/<name>`. */
  readonly identifier: string;
  /**
   * A friendly name.
   *
   * @default - the identifier, with runs of characters a name cannot hold (such as `:` and `/`) replaced by `-`
   */
  readonly name?: string;
  /** The scopes of this resource server. */
  readonly scopes: ResourceServerScopeOptions[];
}
