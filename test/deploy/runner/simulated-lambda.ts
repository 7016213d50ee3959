import * as path from 'path';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { bundleLoader, lambdaConsole } from './bundled-code';

/**
 * The custom-resource Lambda as deployed: aws-cdk-lib's `__entrypoint__.js`
 * (core CustomResourceProvider's nodejs-entrypoint) in front of our bundled
 * `index.js`, both read from the function's code asset in the cloud assembly
 * and run exactly as shipped. Only the entrypoint's HTTP PUT to the
 * pre-signed ResponseURL is replaced, to capture what CloudFormation would
 * receive.
 *
 * Each instance is one cold start: both files are compiled afresh (Node's CJS
 * wrapper, not the module cache), so no state leaks between instances, and
 * the code sees its own `process.env` (a copy with the Lambda's environment)
 * rather than the test process's.
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

interface Entrypoint {
  external: {
    sendHttpRequest: (options: unknown, body: string) => Promise<void>;
    log: (...args: unknown[]) => void;
    includeStackTraces: boolean;
    userHandlerIndex: string;
  };
  handler(event: unknown, context: unknown): Promise<void>;
}

export class SimulatedLambda {
  /** What the function printed (entrypoint and handler logs), for a failing test to show. */
  readonly logs: string[] = [];
  private readonly entrypoint: Entrypoint;
  private readonly pending = new Map<string, (response: CfnResponse) => void>();

  constructor(private readonly code: LambdaCode, env: { readonly [name: string]: string }) {
    const [file, exportName] = splitHandler(code.handler);
    const console = lambdaConsole(this.logs);
    const load = bundleLoader({ ...env }, console);
    this.entrypoint = (load(path.join(code.codeDir, `${file}.js`)) as { [name: string]: unknown }) as unknown as Entrypoint;
    if (exportName !== 'handler' || typeof this.entrypoint.handler !== 'function') {
      throw new Error(`${code.codeDir}: the function's handler ${code.handler} is not aws-cdk-lib's nodejs-entrypoint`);
    }
    this.entrypoint.external.log = (...args: unknown[]) => this.logs.push(args.map(String).join(' '));
    this.entrypoint.external.sendHttpRequest = async (_options, body) => {
      const response = JSON.parse(body) as CfnResponse;
      this.pending.get(response.RequestId)?.(response);
    };
  }

  /**
   * Invokes the function with a CloudFormation event and returns the response
   * it sent. A function that answers nothing before its timeout is a
   * failure, as CloudFormation would eventually report it.
   */
  async invoke(event: CloudFormationCustomResourceEvent): Promise<CfnResponse> {
    const deadline = Date.now() + this.code.timeoutSeconds * 1000;
    const context = {
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      functionName: this.code.functionName,
      awsRequestId: event.RequestId,
      logStreamName: `2025/01/01/[$LATEST]${event.RequestId.replace(/-/g, '')}`,
    };
    const answered = new Promise<CfnResponse>((resolve) => this.pending.set(event.RequestId, resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<CfnResponse>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.code.functionName} timed out after ${this.code.timeoutSeconds} s without answering CloudFormation`)), this.code.timeoutSeconds * 1000);
    });
    try {
      const invocation = this.entrypoint.handler(event, context);
      return await Promise.race([answered, timedOut, invocation.then(() => answered)]);
    } finally {
      clearTimeout(timer);
      this.pending.delete(event.RequestId);
    }
  }
}

function splitHandler(handler: string): [string, string] {
  const i = handler.lastIndexOf('.');
  return [handler.slice(0, i), handler.slice(i + 1)];
}
