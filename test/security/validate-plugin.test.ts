import * as fs from 'fs';
import * as path from 'path';
import { App, CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { acknowledgementsIn, freshOutdir, synthesizeExample } from './synth';
import { exampleApp } from '../../examples/app';
import { describeFromCdk, examplesOnThisCdk } from '../util/compat';

const describeValidation = describeFromCdk('2.262.0', "aws-cdk-lib's built-in template validation flags (@aws-cdk/core:validateAgainstDefaultRules) need",
  'test/security/validate-plugin.test.ts');

/**
 * aws-cdk-lib's built-in CloudFormationValidatePlugin (resource schemas and
 * its rule set) runs on every synth; exampleApp makes its findings errors.
 */

const ENV = { account: '123456789012', region: 'eu-west-1' };

/** A user pool domain without its required UserPoolId: CloudFormation would refuse it at deploy time. */
function addDomainWithoutPool(app: App, id = 'Broken'): void {
  const stack = new Stack(app, id, { env: ENV });
  new CfnResource(stack, 'Domain', { type: 'AWS::Cognito::UserPoolDomain', properties: { Domain: 'acme-broken' } });
}

/** A parameter nothing uses: the plugin's warning W2001, not an error. */
function addUnusedParameter(app: App): void {
  new CfnParameter(new Stack(app, 'Unused', { env: ENV }), 'Unused', { type: 'String' });
}

/** Plugin reports of one synthesized assembly, as written to validation-report.json. */
function validationReport(outdir: string): { pluginReports: Array<{ pluginName: string; violations: unknown[]; suppressedViolations?: unknown[] }> } {
  return JSON.parse(fs.readFileSync(path.join(outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8'));
}

describeValidation('exampleApp', () => {
  test('turns a template CloudFormation would refuse into a synth error naming the construct and the rule', () => {
    // GIVEN
    const app = exampleApp({ outdir: freshOutdir() });
    addDomainWithoutPool(app);

    // WHEN / THEN
    expect(() => app.synth()).toThrow(/ERROR Properties: 'UserPoolId' is a required property \(CloudFormation Validate\)[\s\S]*Broken\/Domain/);
  });

  test('turns a warning of the plugin into a synth error too', () => {
    // GIVEN
    const app = exampleApp({ outdir: freshOutdir() });
    addUnusedParameter(app);

    // WHEN / THEN
    expect(() => app.synth()).toThrow(/WARNING Parameters\/Unused: Parameter 'Unused' is not referenced anywhere/);
  });

  test('without its context the same findings are only printed, and synth succeeds', () => {
    // GIVEN: the keys set to false explicitly, as a plain App would leave them
    const app = exampleApp({
      outdir: freshOutdir(),
      context: { [cxapi.VALIDATE_AGAINST_DEFAULT_RULES]: false, [cxapi.STRICT_CFN_VALIDATE_ERRORS]: false },
    });
    addDomainWithoutPool(app);
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    try {
      // WHEN
      app.synth();

      // THEN: this is what the context of exampleApp changes
      expect(printed.mock.calls.join('\n')).toMatch(/WARNING Properties: 'UserPoolId' is a required property/);
    } finally {
      printed.mockRestore();
    }
  });

  test('keeps the caller\'s props and context', () => {
    // WHEN
    const app = exampleApp({ outdir: freshOutdir(), context: { 'my:key': 'value' } });

    // THEN
    expect(app.node.tryGetContext('my:key')).toBe('value');
    expect(app.node.tryGetContext(cxapi.VALIDATE_AGAINST_DEFAULT_RULES)).toBe(true);
    expect(app.node.tryGetContext(cxapi.STRICT_CFN_VALIDATE_ERRORS)).toBe(true);
  });
});

describeValidation.each(examplesOnThisCdk())('example %s', (_name, example) => {
  test('synthesizes with no finding of the built-in validation, and acknowledges none', () => {
    // WHEN
    const { app, outdir } = synthesizeExample(example);

    // THEN
    const reports = validationReport(outdir).pluginReports;
    expect(reports.flatMap((r) => r.violations)).toEqual([]);
    expect(reports.flatMap((r) => r.suppressedViolations ?? [])).toEqual([]);
    // The only acknowledgements are the app owner's cdk-nag decisions (see nag.test.ts).
    expect(acknowledgementsIn(app).map((a) => a.id).filter((id) => !/^Annotation::AwsSolutions-/.test(id))).toEqual([]);
  });

  test('has no error or warning annotation', () => {
    // WHEN
    const { stacks } = synthesizeExample(example);

    // THEN
    for (const stack of stacks) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    }
  });

  test('runs the built-in validation: a broken resource added to it fails synth', () => {
    // WHEN / THEN: proves the example's app neither drops the plugin nor the context
    expect(() => synthesizeExample(example, {}, (app) => addDomainWithoutPool(app))).toThrow(/'UserPoolId' is a required property/);
  });
});
