/*
 * CloudFormation refuses a template with more than 200 outputs, at deploy
 * time ("Outputs: 200 per template", CloudFormation quotas:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
 * aws-cdk-lib checks a stack's resource count at synth but not its outputs,
 * and every hosted-pages client of a login adds one (`<id>SignInUrl`), so a
 * login with many clients would synthesize and then fail to deploy.
 */
import { CfnOutput, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/** CloudFormation's maximum number of outputs in one template. */
export const MAX_STACK_OUTPUTS = 200;

/**
 * Refuses, at synth, the stack of `owner` when it holds more outputs than a
 * template may declare, counting those of `owner` apart so that the message
 * says which are the login's.
 */
export function refuseTooManyOutputs(owner: Construct, ownOutputs: string): void {
  owner.node.addValidation({
    validate: () => {
      const stack = Stack.of(owner);
      const outputs = stack.node.findAll().filter((c: IConstruct) => c instanceof CfnOutput && Stack.of(c) === stack);
      if (outputs.length <= MAX_STACK_OUTPUTS) {
        return [];
      }
      const own = outputs.filter((c) => c.node.scopes.includes(owner)).length;
      return [`the stack ${stack.node.path} declares ${outputs.length} outputs, ${own} of them ${ownOutputs}; `
        + `CloudFormation refuses a template with more than ${MAX_STACK_OUTPUTS} (CloudFormation quotas, "Outputs"). `
        + 'Add the clients beyond that as aws-cdk-lib UserPoolClients on login.userPool (styled through perClient, with no output), '
        + 'or in another stack.'];
    },
  });
}
