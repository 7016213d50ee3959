import { NO_SURROUNDING_WHITESPACE, ViolationCollector, hasSurroundingWhitespace, isUnresolved } from '../../private/validate';

/** Cognito's limits on CallbackURLs / LogoutURLs (API_CreateUserPoolClient). */
const MAX_URL_LENGTH = 1024;
const MAX_URLS = 100;

/**
 * Schemes that must never be a redirect target. Any other non-http scheme is
 * a native app's own scheme (`myapp://callback`, RFC 8252), which Cognito accepts.
 */
const FORBIDDEN_SCHEMES = ['javascript:', 'data:', 'file:', 'vbscript:', 'blob:', 'ftp:'];

const ALLOWED = 'an absolute https:// URL (http:// only for localhost, or a native app scheme such as myapp://callback), '
  + `without #fragment, at most ${MAX_URL_LENGTH} characters`;

/**
 * Checks callback or logout URLs against Cognito's rules, so a typo fails at
 * synth instead of at deploy (or, worse, at the first sign-in). Every bad URL
 * of the list is recorded in `violations`.
 *
 * @param prop how the list is named in the props, e.g. `Web.callbackUrls`
 * @param required whether the list must have at least one entry
 * @param otherwise what else a user can do when a required list is missing or empty
 */
export function collectRedirectUrlViolations(
  violations: ViolationCollector, prop: string, urls: readonly string[] | undefined, required: boolean, otherwise?: string,
): void {
  const atLeastOne = otherwise === undefined ? 'at least one URL' : `at least one URL, ${otherwise}`;
  if (urls === undefined || isUnresolved(urls)) {
    if (required && urls === undefined) {
      violations.add(prop, urls, atLeastOne);
    }
    return;
  }
  if (required && urls.length === 0) {
    violations.add(prop, urls, atLeastOne);
  }
  if (urls.length > MAX_URLS) {
    violations.add(prop, `${urls.length} URLs`, `at most ${MAX_URLS} URLs`);
  }
  urls.forEach((url, index) => {
    if (hasSurroundingWhitespace(url)) {
      // The URL parser drops it, Cognito does not: RedirectUrlType allows no white space (botocore's cognito-idp model).
      violations.add(`${prop}[${index}]`, url, `the URL with ${NO_SURROUNDING_WHITESPACE}: Cognito refuses white space in redirect URLs`);
    } else if (!isRedirectUrlAllowed(url)) {
      violations.add(`${prop}[${index}]`, url, ALLOWED);
    }
  });
}

/** Whether Cognito takes the URL as a redirect target; unresolved tokens are not judged. */
function isRedirectUrlAllowed(url: string): boolean {
  if (isUnresolved(url)) {
    return true;
  }
  if (url.length > MAX_URL_LENGTH || url.includes('#')) {
    return false;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol;
  return scheme === 'https:' ? parsed.hostname !== ''
    : scheme === 'http:' ? parsed.hostname === 'localhost'
      : !FORBIDDEN_SCHEMES.includes(scheme);
}

/**
 * The `redirect_uri` query parameter of a sign-in URL for a callback URL, or
 * undefined when that cannot be written at synth.
 *
 * Cognito's authorize endpoint takes `redirect_uri` as a query parameter
 * that must be one of the client's callback URLs ("The redirect and
 * authorization endpoint", Amazon Cognito developer guide), and OAuth
 * request parameters are form-encoded into the query (RFC 6749 section 4.1.1
 * and appendix B): the value is decoded before it is compared. So a callback
 * URL with `&` (which ends the parameter), `#` (which ends the query), `%`
 * (which would be decoded as an escape) or `+` (decoded as a space) must be
 * percent-encoded, or the endpoint sees another URL and refuses the sign-in;
 * `:`, `/`, `?` and `=` may stand in a query value (RFC 3986 section 3.4),
 * so a plain `https://host/path` would pass either way. `encodeURIComponent` encodes all of those (it leaves only
 * letters, digits and `-_.!~*'()`, which decode to themselves).
 *
 * A URL only known at deploy time (a parameter, an import, a list's first
 * entry) could hold any of them, and CloudFormation has no function that
 * percent-encodes: no value is given rather than one that may be broken.
 */
export function redirectUriOf(callbackUrl: string): string | undefined {
  return isUnresolved(callbackUrl) ? undefined : encodeURIComponent(callbackUrl);
}
