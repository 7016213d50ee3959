import { InvalidParameterException } from '@aws-sdk/client-cognito-identity-provider';
import { asFailure, AwsCallError } from '../../lambda/shared/errors';

describe('AwsCallError', () => {
  test('names the operation, the AWS error and its words, then what the retries made of it, then the request id', () => {
    // GIVEN Cognito's refusal of request abc-123
    const cause = new InvalidParameterException({ message: 'bad logo', $metadata: { httpStatusCode: 400, requestId: 'abc-123' } });

    // WHEN
    const error = new AwsCallError('CreateManagedLoginBranding', cause, ' (gave up after 3 attempts)');

    // THEN
    expect(error.message).toBe('CreateManagedLoginBranding failed: InvalidParameterException: bad logo (gave up after 3 attempts) (request id abc-123)');
    expect(error.requestId).toBe('abc-123');
  });

  test('an error that got no answer from AWS has no request id to show', () => {
    // GIVEN a timeout: no response, so no request id
    const cause = Object.assign(new Error('no answer within 30000 ms'), { name: 'TimeoutError', $metadata: {} });

    // WHEN
    const error = new AwsCallError('GetParameter', cause);

    // THEN
    expect(error.message).toBe('GetParameter failed: TimeoutError: no answer within 30000 ms');
    expect(error.requestId).toBeUndefined();
  });
});

describe('asFailure: the error the entrypoint turns into the FAILED reason (its stack)', () => {
  test.each([
    ['the handler\'s own error: its message', new AwsCallError('SetUICustomization', Object.assign(new Error('x'), { name: 'NotAuthorizedException' })),
      'SetUICustomization failed: NotAuthorizedException: x'],
    ['a plain Error: its message', new Error('Unsupported resource type Custom::X'), 'Unsupported resource type Custom::X'],
    ['another class (a bug): its name and message', new TypeError("Cannot read properties of undefined (reading 'x')"),
      "TypeError: Cannot read properties of undefined (reading 'x')"],
    ['not an Error at all: its text', 'something odd', 'something odd'],
  ])('%s, and a stack of that one line', (_, thrown, reason) => {
    // WHEN
    const failure = asFailure(thrown);

    // THEN
    expect(failure.stack).toBe(reason);
    expect(failure.message).toBe(reason);
    expect(failure.cause).toBe(thrown);
  });
});
