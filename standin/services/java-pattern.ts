/**
 * botocore's `pattern` traits are Java regular expressions (the services run
 * on Java and match a member with `Matcher.matches()`, i.e. the whole value).
 * This translates one to an anchored JS RegExp with the `u` flag, which gives
 * `\p{..}` and surrogate pairs written as `\uD800\uDC00` the meaning Java
 * gives them. A construct that JS cannot express is refused loudly rather
 * than matched loosely.
 */
export function javaPatternToRegExp(pattern: string): RegExp {
  // A leading `(?s)` (DOTALL, e.g. SmsInviteMessageType `(?s).*`) covers the
  // whole pattern, which is what JS's `s` flag does; inline flags elsewhere are refused below.
  const dotAll = pattern.startsWith('(?s)');
  return new RegExp(`^(?:${translate(dotAll ? pattern.slice(4) : pattern)})$`, dotAll ? 'su' : 'u');
}

/** JS syntax characters: the only identity escapes the `u` flag allows (plus `-` in a class). */
const SYNTAX_CHARACTERS = new Set('^$\\.*+?()[]{}|/');

/** Java's `\s` is ASCII whitespace; JS's `\s` also matches Unicode spaces. */
const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';

/** POSIX classes Java writes as `\p{Name}` (US-ASCII only) and Java's `Is` aliases. */
const POSIX_CLASSES: { readonly [name: string]: string } = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
};

/** Binary Unicode properties both Java (`\\p{IsAlphabetic}`) and JS know. */
const UNICODE_BINARY_PROPERTIES = new Set(['Alphabetic', 'White_Space', 'Lowercase', 'Uppercase', 'Letter']);

function translate(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const [text, consumed] = escape(pattern, i + 1, inClass);
      out += text;
      i += consumed;
      continue;
    }
    if (inClass) {
      if (c === '[') {
        throw new Error(`Java pattern ${pattern}: nested character classes have no JS equivalent`);
      }
      if (c === '&' && pattern[i + 1] === '&') {
        throw new Error(`Java pattern ${pattern}: class intersection (&&) has no JS equivalent`);
      }
      if (c === ']') {
        inClass = false;
      }
      out += c;
      continue;
    }
    if (c === '[' && pattern.startsWith('[\\S]', i)) {
      // A class of \S alone (botocore's SearchPaginationTokenType: [\S]+) is \S itself; within other members it has no JS form.
      out += `[^${JAVA_SPACE}]`;
      i += 3;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A `]` right after `[` or `[^` is a literal in Java, the end of an (empty) class in JS.
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if ((c === '+' || c === '*' || c === '?' || c === '}') && pattern[i + 1] === '+') {
      throw new Error(`Java pattern ${pattern}: possessive quantifiers have no JS equivalent`);
    }
    if (c === '(' && pattern[i + 1] === '?' && /[idmsux-]/.test(pattern[i + 2] ?? '')) {
      throw new Error(`Java pattern ${pattern}: inline flags are not supported`);
    }
    out += c;
  }
  if (inClass) {
    throw new Error(`Java pattern ${pattern}: unterminated character class`);
  }
  return out;
}

/** Translates the escape whose letter is at `at`; returns the JS text and how many characters it consumed. */
function escape(pattern: string, at: number, inClass: boolean): [string, number] {
  const c = pattern[at];
  if (c === undefined) {
    throw new Error(`Java pattern ${pattern}: trailing backslash`);
  }
  switch (c) {
    case 'd': case 'D': case 'w': case 'W': case 't': case 'n': case 'r': case 'f':
      return [`\\${c}`, 1];
    case 's':
      return [inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`, 1];
    case 'S':
      if (inClass) {
        throw new Error(`Java pattern ${pattern}: \\S inside a class is not supported`);
      }
      return [`[^${JAVA_SPACE}]`, 1];
    case 'b': case 'B':
      if (inClass) {
        throw new Error(`Java pattern ${pattern}: \\${c} inside a class`);
      }
      return [`\\${c}`, 1];
    case 'A':
      return ['^', 1];
    case 'z':
      return ['$', 1];
    case 'Z':
      return ['(?=\\n?$)', 1];
    case 'e':
      return ['\\x1B', 1];
    case 'a':
      return ['\\x07', 1];
    case 'h':
      return [inClass ? ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000' : '[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]', 1];
    case 'u': {
      const hex = pattern.slice(at + 1, at + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        throw new Error(`Java pattern ${pattern}: bad \\u escape`);
      }
      return [`\\u${hex}`, 5];
    }
    case 'x': {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(at + 1));
      if (braced) {
        return [`\\u{${braced[1]}}`, 1 + braced[0].length];
      }
      return [`\\x${pattern.slice(at + 1, at + 3)}`, 3];
    }
    case 'p': case 'P':
      return property(pattern, at, inClass);
    case 'Q': {
      const end = pattern.indexOf('\\E', at + 1);
      const literal = pattern.slice(at + 1, end === -1 ? undefined : end);
      return [[...literal].map((ch) => literalChar(ch, inClass)).join(''), (end === -1 ? pattern.length : end + 2) - at];
    }
    default:
      if (/[0-9]/.test(c)) {
        if (c === '0') {
          const octal = /^[0-7]{1,3}/.exec(pattern.slice(at + 1))?.[0] ?? '';
          return [`\\u{${parseInt(octal || '0', 8).toString(16)}}`, 1 + octal.length];
        }
        return [`\\${c}`, 1];
      }
      if (/[a-zA-Z]/.test(c)) {
        throw new Error(`Java pattern ${pattern}: escape \\${c} is not supported`);
      }
      // An escaped non-letter is that character in Java; `u`-mode JS accepts the escape only for syntax characters.
      return [literalChar(c, inClass), 1];
  }
}

function literalChar(c: string, inClass: boolean): string {
  return SYNTAX_CHARACTERS.has(c) || (inClass && c === '-') ? `\\${c}` : c;
}

/** `\p{L}`, `\pL`, `\p{IsL}`, `\p{Lu}`, `\p{IsAlphabetic}`, POSIX `\p{Alnum}`... */
function property(pattern: string, at: number, inClass: boolean): [string, number] {
  const negated = pattern[at] === 'P';
  let name: string;
  let consumed: number;
  if (pattern[at + 1] === '{') {
    const end = pattern.indexOf('}', at + 2);
    name = pattern.slice(at + 2, end);
    consumed = end - at + 1;
  } else {
    name = pattern[at + 1];
    consumed = 2;
  }
  const posix = POSIX_CLASSES[name];
  if (posix !== undefined) {
    if (negated) {
      if (inClass) {
        throw new Error(`Java pattern ${pattern}: negated POSIX class inside a class`);
      }
      return [`[^${posix}]`, consumed];
    }
    return [inClass ? posix : `[${posix}]`, consumed];
  }
  // Java accepts `L`, `IsL` and `general_category=L`; JS (with `u`) spells general categories `L` and binary properties by name.
  const bare = name.replace(/^Is/, '').replace(/^general_category=/, '');
  if (!/^[A-Z][a-z]?$/.test(bare) && !UNICODE_BINARY_PROPERTIES.has(bare)) {
    throw new Error(`Java pattern ${pattern}: property \\p{${name}} is not supported`);
  }
  return [`\\${negated ? 'P' : 'p'}{${bare}}`, consumed];
}
