import { sameDeclaredState } from '../../lambda/shared/declared-state';
import { parseFlag } from '../../src/private/property-parsing';

describe('sameDeclaredState', () => {
  const file = { Bucket: 'b', Key: 'k.png', Hash: 'h1' };

  test('ignores ServiceToken and key order', () => {
    expect(sameDeclaredState(
      { ServiceToken: 'arn:old', UserPoolId: 'p', Logo: { ...file } },
      { Logo: { Hash: 'h1', Key: 'k.png', Bucket: 'b' }, UserPoolId: 'p', ServiceToken: 'arn:new' },
    )).toBe(true);
  });

  test('sees a changed hash, a changed flag, an added or removed member', () => {
    const base = { UserPoolId: 'p', UseCognitoProvidedValues: 'false', Logo: file };
    expect(sameDeclaredState(base, { ...base, Logo: { ...file, Hash: 'h2' } })).toBe(false);
    expect(sameDeclaredState(base, { ...base, UseCognitoProvidedValues: 'true' })).toBe(false);
    expect(sameDeclaredState(base, { ...base, Css: file })).toBe(false);
    expect(sameDeclaredState({ ...base, Css: file }, base)).toBe(false);
  });

  test('sees a reordered or shortened list', () => {
    const a = { ...file, Category: 'FORM_LOGO' };
    const b = { ...file, Category: 'PAGE_BACKGROUND' };
    expect(sameDeclaredState({ Assets: [a, b] }, { Assets: [a, b] })).toBe(true);
    expect(sameDeclaredState({ Assets: [a, b] }, { Assets: [b, a] })).toBe(false);
    expect(sameDeclaredState({ Assets: [a, b] }, { Assets: [a] })).toBe(false);
  });
});

describe('parseFlag', () => {
  test('reads CloudFormation\'s strings and treats absent as false', () => {
    expect(parseFlag({ F: 'true' }, 'F', 'T')).toBe(true);
    expect(parseFlag({ F: 'false' }, 'F', 'T')).toBe(false);
    expect(parseFlag({}, 'F', 'T')).toBe(false);
  });

  test('refuses anything else, naming the property', () => {
    expect(() => parseFlag({ F: 'yes' }, 'F', 'Custom::T')).toThrow('Custom::T: property F must be \'true\' or \'false\', got "yes"');
  });
});
