import { serviceModel, ServiceName, Shape } from '../services/botocore-models';
import { javaPatternToRegExp } from '../services/java-pattern';

/** The operations the stand-in serves, by service. */
const OPERATIONS: { readonly [service in ServiceName]: readonly string[] } = {
  'cognito-idp': [
    'CreateManagedLoginBranding', 'UpdateManagedLoginBranding', 'DeleteManagedLoginBranding',
    'DescribeManagedLoginBrandingByClient', 'DescribeManagedLoginBranding', 'SetUICustomization', 'GetUICustomization',
    'ListUsers', 'AdminCreateUser', 'AdminLinkProviderForUser', 'AdminDisableProviderForUser',
    'DescribeUserPool', 'UpdateUserPool', 'CreateCIMDPolicy', 'DescribeCIMDPolicy', 'UpdateCIMDPolicy', 'DeleteCIMDPolicy', 'ListCIMDPolicies',
  ],
  'ssm': ['GetParameter', 'PutParameter', 'DeleteParameter'],
  's3': ['GetObject'],
  'cloudformation': ['DescribeStackResource'],
};

/** Every pattern reachable from the operations' input shapes. */
function patterns(): { service: ServiceName; shape: string; pattern: string }[] {
  const found: { service: ServiceName; shape: string; pattern: string }[] = [];
  for (const service of Object.keys(OPERATIONS) as ServiceName[]) {
    const model = serviceModel(service);
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) {
        return;
      }
      seen.add(name);
      const shape: Shape = model.shapes[name];
      if (shape.pattern !== undefined) {
        found.push({ service, shape: name, pattern: shape.pattern });
      }
      Object.values(shape.members ?? {}).forEach((m) => walk(m.shape));
      [shape.member, shape.key, shape.value].forEach((m) => m && walk(m.shape));
    };
    OPERATIONS[service].forEach((op) => walk(model.operations[op].input!.shape));
  }
  return found;
}

describe('Java patterns of botocore as JS RegExp', () => {
  test('every pattern of the served operations translates and compiles', () => {
    // GIVEN the patterns of the model (botocore from .venv)
    const all = patterns();

    // WHEN / THEN
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const { pattern } of all) {
      expect(() => javaPatternToRegExp(pattern)).not.toThrow();
    }
  });

  test.each([
    // [shape's pattern, matches, does not match]
    ['[\\w+]+', ['abc123', 'a+b', 'A_b'], ['a-b', 'bad-id!', '', 'é']],
    ['[\\w-]+_[0-9a-zA-Z]+', ['us-east-1_AbC123xyz'], ['us-east-1', 'us-east-1_', 'x_y-z', ' us-east-1_a']],
    ['^[\\w\\- ]+$', ['logo-1 dark', 'a_b'], ['a.b', 'a\nb', '']],
    ['^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$',
      ['123e4567-e89b-42d3-a456-426614174000'], ['123e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-42d3-c456-426614174000']],
    ['^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$', ['Größe 42', 'a-b@c', 'ü/=+'], ['a#b', 'a\tb']],
  ])('%s matches the whole value as Java matches() does', (pattern, good, bad) => {
    // WHEN
    const re = javaPatternToRegExp(pattern);

    // THEN
    good.forEach((value) => expect(re.test(value)).toBe(true));
    bad.forEach((value) => expect(re.test(value)).toBe(false));
  });

  test('the patterns above are the model\'s own (the table cannot drift from botocore)', () => {
    // WHEN
    const inModel = new Set(patterns().map((p) => p.pattern));

    // THEN
    for (const pattern of ['[\\w+]+', '[\\w-]+_[0-9a-zA-Z]+', '^[\\w\\- ]+$', '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$']) {
      expect(inModel).toContain(pattern);
    }
  });

  test.each([
    ['surrogate-pair ranges become code-point ranges', '[\\u0020-\\uD7FF\\uD800\\uDC00-\\uDBFF\\uDFFF]+', '😀 ok', '\u0001'],
    ['Java\'s \\s is ASCII whitespace only', '\\s+', ' \t\n', '\u00a0'],
    ['an escaped non-syntax character is a literal', '\\#\\ \\_', '# _', '#  _'],
    ['POSIX \\p{Alnum} is ASCII', '\\p{Alnum}+', 'abc123', 'é'],
    ['\\Q...\\E quotes', '\\Qa.b\\E', 'a.b', 'axb'],
    ['a class of \\S alone is \\S (SearchPaginationTokenType)', '[\\S]+', 'dG9rZW4=', 'a b'],
    ['a leading (?s) lets . match line breaks (SmsInviteMessageType)', '(?s)a.b', 'a\nb', 'a\nbc'],
  ])('%s', (_why, pattern, good, bad) => {
    // WHEN
    const re = javaPatternToRegExp(pattern);

    // THEN
    expect(re.test(good)).toBe(true);
    expect(re.test(bad)).toBe(false);
  });

  test.each([
    ['possessive quantifier', 'a++'],
    ['class intersection', '[a-z&&[^b]]'],
    ['nested class', '[a[b]]'],
    ['unknown escape', '\\G'],
    ['an inline flag past the start', 'a(?s).'],
  ])('refuses what JS cannot express: %s', (_why, pattern) => {
    expect(() => javaPatternToRegExp(pattern)).toThrow(/no JS equivalent|not supported/);
  });
});
