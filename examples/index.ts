import { App, AppProps } from 'aws-cdk-lib';

/** An example app: the demo, the tests and cfn-lint synthesize each one. */
export interface Example {
  /** Folder name under cdk.out/. */
  readonly name: string;
  readonly description: string;
  readonly createApp: (props?: AppProps) => App;
}

/** Every example, in the order the demo prints them. */
export const EXAMPLES: Example[] = [
];
