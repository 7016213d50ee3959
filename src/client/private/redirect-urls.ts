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
