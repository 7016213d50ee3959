import { invalidParameter, ServiceError } from './service-error';

/**
 * What SetUICustomization refuses in a classic stylesheet, and nothing more:
 * a property outside a class's list is stored as sent (Cognito does not apply
 * it, "Added CSS keys will not be reflected in your UI"; its own template sets
 * `border-radius` on `.socialButton-customizable`, github.com/aws/aws-cli,
 * awscli/examples/cognito-idp/get-ui-customization.rst).
 *
 * Refused: the statements and script the guide names ("except for the
 * following values: @import, @supports, @page, or @media statements, or
 * Javascript",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-ui-customization.html),
 * and a selector outside the classes the guide lists
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html),
 * which Cognito answers with HTTP 400 (github.com/transformotion/transformotion-apps,
 * apps/launchpad/infrastructure/cognito-hosted-ui-css.ts). Cognito's wording
 * is not published; the messages are the stand-in's.
 */
const STYLABLE = new Set([
  'background', 'banner', 'errorMessage', 'idpButton', 'idpButton:hover', 'idpDescription',
  'inputField', 'inputField:focus', 'label', 'legalText', 'logo', 'passwordCheck-notValid',
  'passwordCheck-valid', 'redirect', 'socialButton', 'submitButton', 'submitButton:hover', 'textDescription',
].map((name) => name.replace(/(:|$)/, '-customizable$1').replace(/^/, '.')));

const FORBIDDEN_STATEMENT = /@(import|supports|page|media)\b/i;
const SCRIPT = /javascript\s*:|<\s*script/i;

/** The refusal of a stylesheet, or undefined when Cognito takes it. */
export function refusalOfClassicCss(css: string): ServiceError | undefined {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
  const statement = FORBIDDEN_STATEMENT.exec(text);
  if (statement) {
    return invalidParameter(`The CSS may not contain ${statement[0]} statements.`);
  }
  if (SCRIPT.test(text)) {
    return invalidParameter('The CSS may not contain JavaScript.');
  }
  const selector = topLevelSelectors(text).find((s) => !STYLABLE.has(s));
  return selector === undefined ? undefined : invalidParameter(`The CSS class "${selector}" is not allowed.`);
}

/** The selectors of the top-level rules, an at-rule's block skipped whole. */
function topLevelSelectors(text: string): string[] {
  const selectors: string[] = [];
  let depth = 0;
  let prelude = '';
  for (const c of text) {
    if (c === '{') {
      if (depth === 0 && !prelude.trim().startsWith('@')) {
        selectors.push(...prelude.split(',').map((s) => s.trim()));
      }
      depth++;
      prelude = '';
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      prelude = '';
    } else if (depth === 0) {
      prelude = c === ';' ? '' : prelude + c;
    }
  }
  return selectors;
}
