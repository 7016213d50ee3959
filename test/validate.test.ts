import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { testStack } from './util/stack';
import { requireOneOf, ValidationError, ViolationCollector } from '../src/private/validate';

describe('ViolationCollector', () => {
  test('nothing recorded: throwIfAny does nothing', () => {
    // GIVEN
    const violations = new ViolationCollector(testStack());

    // WHEN / THEN
    expect(() => violations.throwIfAny()).not.toThrow();
    expect(violations.count).toBe(0);
  });

  test('one violation reads exactly as a plain ValidationError', () => {
    // GIVEN
    const scope = new Construct(testStack(), 'Thing');
    const violations = new ViolationCollector(scope);

    // WHEN
    violations.add('colors[0]', 'red', '8-digit hex');

    // THEN
    expect(() => violations.throwIfAny()).toThrow(new ValidationError(scope, 'colors[0]', 'red', '8-digit hex').message);
    expect(() => violations.throwIfAny()).toThrow(/^Stack\/Thing: colors\[0\] "red" is invalid: 8-digit hex$/);
  });

  test('several: the construct and the count first, then one line each, in order; thrown checks are gathered too', () => {
    // GIVEN
    const scope = new Construct(testStack(), 'Thing');
    const violations = new ViolationCollector(scope);

    // WHEN
    violations.add('colors[0]', 'red', '8-digit hex');
    const mode = violations.check(() => requireOneOf(scope, 'mode', 'AUTO', ['LIGHT', 'DARK']));
    const kept = violations.check(() => requireOneOf(scope, 'scheme', 'LIGHT', ['LIGHT', 'DARK']));
    violations.check(() => {
      throw new ValidationError(scope, [{ prop: 'a', value: 1, allowed: 'x' }, { prop: 'b', value: 'two\nlines', allowed: 'y' }]);
    });

    // THEN
    expect(mode).toBeUndefined();
    expect(kept).toBe('LIGHT');
    expect(violations.count).toBe(4);
    let error: ValidationError | undefined;
    try {
      violations.throwIfAny();
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.path).toBe('Stack/Thing');
    expect(error!.message).toBe([
      'Stack/Thing: 4 invalid values',
      '  - colors[0] "red" is invalid: 8-digit hex',
      '  - mode "AUTO" is invalid: one of "LIGHT", "DARK"',
      '  - a "1" is invalid: x',
      '  - b "two\\nlines" is invalid: y',
    ].join('\n'));
  });

  test('errors of another construct, and other errors, pass through check unchanged', () => {
    // GIVEN
    const stack: Stack = testStack();
    const violations = new ViolationCollector(new Construct(stack, 'Thing'));
    const other = new ValidationError(new Construct(stack, 'Other'), 'p', 'v', 'w');

    // WHEN / THEN
    expect(() => violations.check(() => {
      throw other;
    })).toThrow(other);
    expect(() => violations.check(() => {
      throw new TypeError('bug');
    })).toThrow(TypeError);
    expect(violations.count).toBe(0);
  });
});
