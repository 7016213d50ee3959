import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ClassicCustomizationOptions } from './options';
import { formatBytes } from '../private/input-files';
import { CLASSIC_CUSTOMIZATION, ClassicCustomizationProperties } from './private/classic-contract';
import { collectClassicInputViolations } from './private/classic-inputs';
import { collectClientPoolViolations } from '../private/client-pool';
import { ALL_CLIENTS } from '../private/custom-resource-contract';
import { addHandlerResource } from '../private/handler-provider';
import { registerPageStyle } from '../private/pool-style-registry';
import { stageBytes, stageFile, StagedFiles } from '../private/staging';
import { ViolationCollector, warn } from '../private/validate';

/**
 * SetUICustomization refuses requests over 135 KB. The logo travels as
 * base64 (4/3 of its size); 1 KB is kept for the request's headers and JSON,
 * and the rest is what CSS and logo may take together.
 */
const MAX_CSS_AND_LOGO_BYTES = 135 * 1024 - 1024;

/** Cognito's guide asks for CSS of at most 3 KB; beyond that only the request limit binds. */
const ADVISED_CSS_BYTES = 3 * 1024;

/** Properties of a ClassicLoginCustomization. */
export interface ClassicLoginCustomizationProps extends ClassicCustomizationOptions {
  /** The user pool. Any pool, including an imported one. */
  readonly userPool: cognito.IUserPool;
  /**
   * The app client to style. A client with its own customization no longer
   * falls back to the pool-wide one.
   * @default - ALL clients: the pool-wide default
   */
  readonly client?: cognito.IUserPoolClient;
}

/**
 * The CSS and logo of the classic hosted UI (domain version 1), for one app
 * client or for all. CloudFormation cannot set the logo; this library's
 * custom resource sets both, read from S3 assets. At least one of css and
 * logo is needed.
 *
 * The pool needs a domain first; when it is in the same app, make it deploy
 * first with `customization.node.addDependency(domain)`.
 *
 * @exampleMetadata fixture=stack
 * @example
 * new ClassicLoginCustomization(this, 'Classic', {
 *   userPool,   // no client: the pool-wide default of every client
 *   css: ClassicCss.fromFile('login.css'),
 *   logo: LogoImage.fromFile('logo.png'),
 * });
 */
export class ClassicLoginCustomization extends Construct {
  constructor(scope: Construct, id: string, props: ClassicLoginCustomizationProps) {
    super(scope, id);
    // Every check first, all violations in one error; nothing is registered or created before they pass.
    const violations = new ViolationCollector(this);
    if (!props.css && !props.logo) {
      violations.add('css', undefined, 'a CSS or a logo (or both); a customization with neither would clear the pages\' style');
    }
    if (props.client !== undefined) {
      collectClientPoolViolations(violations, 'client', props.userPool, props.client);
    }
    if (!collectClassicInputViolations(violations, undefined, props)) {
      violations.throwIfAny();
    }
    const css = violations.check(() => props.css?._resolve(this, 'css'));
    const logo = violations.check(() => props.logo?._resolve(this, 'logo'));

    const cssBytes = css ? Buffer.byteLength(css.text, 'utf8') : 0;
    const requestBytes = cssBytes + (logo ? Math.ceil(logo.bytes.length / 3) * 4 : 0);
    if (requestBytes > MAX_CSS_AND_LOGO_BYTES) {
      const given = logo ? `${formatBytes(cssBytes)} of CSS with a ${formatBytes(logo.bytes.length)} logo` : `${formatBytes(cssBytes)} of CSS`;
      violations.add('css', given,
        `CSS plus the base64 logo of at most ${formatBytes(MAX_CSS_AND_LOGO_BYTES)}, since SetUICustomization refuses requests over 135 KB`);
    }
    violations.throwIfAny();
    registerPageStyle(this, props.userPool, props.client, cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI);
    if (css && css.ignored.length > 0) {
      warn(this, 'classicCssIgnored', ignoredCssMessage(css.filePath, css.ignored));
    }
    if (cssBytes > ADVISED_CSS_BYTES) {
      warn(this, 'classicCssSize', `The CSS is ${formatBytes(cssBytes)}; Cognito's guide advises at most 3 KB, leaving room for the logo in the 135 KB request.`);
    }

    const staged = new StagedFiles();
    const properties: ClassicCustomizationProperties = {
      UserPoolId: props.userPool.userPoolId,
      ClientId: props.client?.userPoolClientId ?? ALL_CLIENTS,
      ...(css ? {
        Css: staged.add(css.filePath !== undefined ? stageFile(this, 'Css', css.filePath) : stageBytes(this, 'Css', Buffer.from(css.text, 'utf8'), '.css')),
      } : {}),
      ...(logo ? {
        Logo: staged.add(logo.filePath !== undefined
          ? stageFile(this, 'Logo', logo.filePath)
          : stageBytes(this, 'Logo', logo.bytes, logo.type === 'PNG' ? '.png' : '.jpg')),
      } : {}),
    };
    // No explicit dependency on the client: the Ref in ClientId already orders
    // them, and a DependsOn besides it is what cfn-lint W3005 flags.
    addHandlerResource(this, CLASSIC_CUSTOMIZATION, { userPool: props.userPool, files: staged.files, properties });
  }
}

/**
 * One warning for the whole stylesheet, a line per ignored declaration, so
 * `cdk synth` shows them together and one acknowledgement covers them.
 */
function ignoredCssMessage(filePath: string | undefined, ignored: readonly string[]): string {
  const what = filePath === undefined ? 'The CSS' : `The CSS ${filePath}`;
  const count = ignored.length === 1 ? '1 declaration' : `${ignored.length} declarations`;
  return `${what} has ${count} Cognito takes but does not apply: the developer guide lists the properties each class applies `
    + '(https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html), and "Added CSS keys will not be reflected in your UI".\n'
    + ignored.map((line) => `  ${line}`).join('\n');
}
