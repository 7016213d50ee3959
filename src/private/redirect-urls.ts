import { IConstruct } from 'constructs';
import { ValidationError, isUnresolved } from './validate';

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
 * synth instead of at deploy (or, worse, at the first sign-in).
 *
 * @param prop how the list is named in the props, e.g. `Web.callbackUrls`
 * @param required whether the list must have at least one entry
 */
export function validateRedirectUrls(scope: IConstruct, prop: string, urls: readonly string[] | undefined, required: boolean): void {
  if (urls === undefined || isUnresolved(urls)) {
    if (required && urls === undefined) {
      throw new ValidationError(scope, prop, urls, 'at least one URL');
    }
    return;
  }
  if (required && urls.length === 0) {
    throw new ValidationError(scope, prop, urls, 'at least one URL');
  }
  if (urls.length > MAX_URLS) {
    throw new ValidationError(scope, prop, `${urls.length} URLs`, `at most ${MAX_URLS} URLs`);
  }
  urls.forEach((url, index) => validateRedirectUrl(scope, `${prop}[${index}]`, url));
}

function validateRedirectUrl(scope: IConstruct, prop: string, url: string): void {
  if (isUnresolved(url)) {
    return;
  }
  if (url.length > MAX_URL_LENGTH || url.includes('#')) {
    throw new ValidationError(scope, prop, url, ALLOWED);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError(scope, prop, url, ALLOWED);
  }
  const scheme = parsed.protocol;
  const allowed = scheme === 'https:' ? parsed.hostname !== ''
    : scheme === 'http:' ? parsed.hostname === 'localhost'
      : !FORBIDDEN_SCHEMES.includes(scheme);
  if (!allowed) {
    throw new ValidationError(scope, prop, url, ALLOWED);
  }
}
