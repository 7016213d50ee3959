/** One lowercase DNS label: letters, digits and inner hyphens, at most 63 characters. */
const DNS_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/**
 * A lowercase fully qualified domain name of two labels or more, such as
 * `auth.example.com` (a bare top-level domain is never a login's domain or a
 * passkey relying party).
 */
export const DOMAIN_NAME = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})+$`);
