import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { LambdaConfiguration } from './lambda-environment';
import { FunctionTimeout, SimulatedFunction } from './simulated-function';

/**
 * The custom-resource Lambda as deployed: aws-cdk-lib's `__entrypoint__.js`
 * (core CustomResourceProvider's nodejs-entrypoint) in front of our bundled
 * `index.js`, both read from the function's code asset in the cloud assembly
 * and run exactly as shipped, on the runtime's Node.js in processes of their
 * own (SimulatedFunction). Only the entrypoint's HTTP PUT to the pre-signed
 * ResponseURL is replaced, to capture what CloudFormation would receive.
 */

/** What the entrypoint PUTs to the ResponseURL. */
export interface CfnResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly NoEcho?: boolean;
  readonly Data?: { readonly [key: string]: unknown };
}

export interface LambdaCode {
  /** The function's asset directory (holds __entrypoint__.js and index.js). */
  readonly codeDir: string;
  /** `file.export`, e.g. `__entrypoint__.handler`. */
  readonly handler: string;
  readonly timeoutSeconds: number;
  readonly functionName: string;
}

export class SimulatedLambda {
  private readonly fn: SimulatedFunction;

  constructor(private readonly config: LambdaConfiguration, standInEndpoint: string) {
    if (!config.handler.startsWith('__entrypoint__.')) {
      throw new Error(`${config.codeDir}: the function's handler ${config.handler} is not aws-cdk-lib's nodejs-entrypoint`);
    }
    this.fn = new SimulatedFunction(config, standInEndpoint);
  }

  /** What the function printed (entrypoint and handler logs), for a failing test to show. */
  get logs(): readonly string[] {
    return this.fn.logs;
  }

  /** `process.version` of each execution environment started. */
  get nodeVersions(): readonly string[] {
    return this.fn.nodeVersions;
  }

  /**
   * Invokes the function with a CloudFormation event and returns the response
   * it sent, as soon as it is sent. A function that answers nothing before
   * its timeout is a failure, as CloudFormation would eventually report it.
   */
  invoke(event: CloudFormationCustomResourceEvent): Promise<CfnResponse> {
    return new Promise((resolve, reject) => {
      this.fn.invoke(event, event.RequestId, (body) => resolve(JSON.parse(body) as CfnResponse)).then(
        () => reject(new Error(`${this.config.functionName} returned without answering CloudFormation`)),
        (error: Error) => reject(error instanceof FunctionTimeout ? new Error(`${error.message} without answering CloudFormation`) : error),
      );
    });
  }

  close(): Promise<void> {
    return this.fn.close();
  }
}
