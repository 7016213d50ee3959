/**
 * Question 1: template bytes of the same branding at N clients, the library
 * against the L1 with images inline and the aws-cdk issue 6953 workaround;
 * where each crosses CloudFormation's template limits. The same syntheses give
 * question 3's Lambdas and IAM policy characters per stack.
 */
import {
  AWS_CUSTOM_RESOURCE_CLASSIC, BrandingAlternative, L1_MANAGED, OURS_CLASSIC, OURS_MANAGED,
} from './alternatives';
import {
  BrandingImages, cleanOutputs, factsOf, RESOURCE_LIMIT, ROLE_POLICY_LIMIT, TEMPLATE_LIMIT_INLINE, TEMPLATE_LIMIT_S3, TemplateFacts,
} from './fixtures';
import { Table, verdict } from './report';
import { bytes } from './stats';

export const ALTERNATIVES = [OURS_MANAGED, L1_MANAGED, OURS_CLASSIC, AWS_CUSTOM_RESOURCE_CLASSIC];

/** Facts of every alternative at every client count. */
export type FactsByClients = Map<BrandingAlternative, Map<number, TemplateFacts>>;

export function measureTemplates(clientCounts: number[], images: BrandingImages, settingsPath: string): FactsByClients {
  const result: FactsByClients = new Map();
  for (const alt of ALTERNATIVES) {
    const byClients = new Map<number, TemplateFacts>();
    for (const n of clientCounts) {
      byClients.set(n, factsOf(alt.build(n, images, settingsPath)));
      cleanOutputs();
    }
    result.set(alt, byClients);
  }
  return result;
}

/** A quantity linear in clients, from two measured points: value(n) = base + perClient * n. */
interface Linear { readonly base: number; readonly perClient: number }

function linear(byClients: Map<number, number>): Linear {
  const ns = [...byClients.keys()].sort((a, b) => a - b);
  const [lo, hi] = [ns[0], ns[ns.length - 1]];
  const perClient = (byClients.get(hi)! - byClients.get(lo)!) / (hi - lo);
  return { base: byClients.get(lo)! - perClient * lo, perClient };
}

/** The first client count whose value passes `limit`, by the linear model. */
function firstOver(model: Linear, limit: number): number {
  if (model.base + model.perClient > limit) return 1;
  if (model.perClient <= 0) return Infinity;
  return Math.floor((limit - model.base) / model.perClient) + 1;
}

/**
 * Where an alternative's template passes `limit`: predicted from the fit,
 * then checked by synthesizing at that count and one below when that is
 * cheap (at most `verifyUpTo` clients).
 */
function crossing(alt: BrandingAlternative, facts: Map<number, TemplateFacts>, limit: number, images: BrandingImages,
  settingsPath: string, verifyUpTo: number): string {
  const model = linear(new Map([...facts].map(([n, f]) => [n, f.bytes])));
  const n = firstOver(model, limit);
  if (!Number.isFinite(n)) return 'never';
  const resources = linear(new Map([...facts].map(([c, f]) => [c, f.resources])));
  const resourceCap = firstOver(resources, RESOURCE_LIMIT) - 1;
  if (n > verifyUpTo) {
    const past = n > resourceCap ? `; beyond the ${RESOURCE_LIMIT}-resource limit, reached at ${resourceCap + 1}` : '';
    return `~${n} clients (extrapolated${past})`;
  }
  const at = factsOf(alt.build(n, images, settingsPath)).bytes;
  const below = n > 1 ? factsOf(alt.build(n - 1, images, settingsPath)).bytes : 0;
  cleanOutputs();
  const checked = at > limit && below <= limit ? 'synthesized' : 'fit; synthesis disagrees';
  return `${n} client${n === 1 ? '' : 's'} (${bytes(at)}; ${checked})`;
}

export function templateSizeTable(facts: FactsByClients, images: BrandingImages, settingsPath: string,
  sizeIndependence: { readonly small: number; readonly large: number; readonly smallImages: number; readonly largeImages: number },
  verifyUpTo: number): Table {
  const counts = [...facts.get(OURS_MANAGED)!.keys()];
  const b = (alt: BrandingAlternative, n: number) => facts.get(alt)!.get(n)!.bytes;
  const rows = counts.map((n) => [
    String(n),
    bytes(b(OURS_MANAGED, n)),
    bytes(b(L1_MANAGED, n)),
    `${(b(L1_MANAGED, n) / b(OURS_MANAGED, n)).toFixed(1)}x`,
    bytes(b(OURS_CLASSIC, n)),
    bytes(b(AWS_CUSTOM_RESOURCE_CLASSIC, n)),
    `${(b(AWS_CUSTOM_RESOURCE_CLASSIC, n) / b(OURS_CLASSIC, n)).toFixed(1)}x`,
  ]);
  for (const [label, limit] of [['crosses 51,200 B (inline limit) at', TEMPLATE_LIMIT_INLINE], ['crosses 1 MB (S3 limit) at', TEMPLATE_LIMIT_S3]] as const) {
    const cell = (alt: BrandingAlternative) => crossing(alt, facts.get(alt)!, limit, images, settingsPath, verifyUpTo);
    rows.push([label, cell(OURS_MANAGED), cell(L1_MANAGED), '', cell(OURS_CLASSIC), cell(AWS_CUSTOM_RESOURCE_CLASSIC), '']);
  }

  const at10 = counts.includes(10) ? 10 : counts[counts.length - 1];
  const ratio10 = b(L1_MANAGED, at10) / b(OURS_MANAGED, at10);
  const independent = sizeIndependence.small === sizeIndependence.large;
  return {
    title: '1. Template size: the same branding at N clients',
    method: 'Each client styled with a 20 KB PNG logo, a 300 KB PNG background and a 5 KB ICO favicon (managed login), '
      + 'or with CSS and the 20 KB logo (classic hosted UI, which takes no other image). Bytes of the template file the CDK '
      + 'uploads. The pool, its domain and its clients are the same in every column. Crossings are predicted from the '
      + 'linear fit of the measured counts and checked by synthesizing at the predicted count and one below.',
    header: ['clients', 'ours: ManagedLoginBranding', 'L1 CfnManagedLoginBranding (base64 inline)', 'L1 / ours',
      'ours: ClassicLoginCustomization', 'AwsCustomResource + setUICustomization (aws-cdk#6953)', 'AwsCustomResource / ours'],
    rows,
    notes: [
      verdict(independent, 'template size independent of image bytes',
        `${at10} clients: ${sizeIndependence.small} B with ${bytes(sizeIndependence.smallImages)} of images per style, `
        + `${sizeIndependence.large} B with ${bytes(sizeIndependence.largeImages)}`),
      verdict(ratio10 >= 100, `at least 100x smaller than inline at ${at10} clients x 3 assets`, `${ratio10.toFixed(1)}x`,
        'the inline template per client is the images\' base64 plus the Settings document; ours is a bucket, key and hash per file'),
    ],
  };
}

export function handlerPerStackTable(facts: FactsByClients): Table {
  const counts = [...facts.get(OURS_MANAGED)!.keys()];
  const f = (alt: BrandingAlternative, n: number) => facts.get(alt)!.get(n)!;
  const cell = (alt: BrandingAlternative, n: number) => {
    const x = f(alt, n);
    return `${x.lambdas} / ${x.policyChars}${x.maxPolicyCharsPerRole > ROLE_POLICY_LIMIT ? ' (over IAM\'s limit)' : ''}`;
  };
  const rows = counts.map((n) => [String(n), ...[OURS_MANAGED, OURS_CLASSIC, AWS_CUSTOM_RESOURCE_CLASSIC, L1_MANAGED].map((alt) => cell(alt, n))]);
  const oneLambda = counts.every((n) => f(OURS_MANAGED, n).lambdas === 1 && f(OURS_CLASSIC, n).lambdas === 1);
  const growth = (alt: BrandingAlternative) => {
    const model = linear(new Map(counts.map((n) => [n, f(alt, n).maxPolicyCharsPerRole])));
    const over = firstOver(model, ROLE_POLICY_LIMIT);
    return `${model.perClient.toFixed(0)} per client, so past IAM's ${ROLE_POLICY_LIMIT} at ${Number.isFinite(over) ? `~${over} clients` : 'no count'}`;
  };
  return {
    title: '3b. Lambdas and IAM policy characters per stack as clients grow',
    method: 'Same stacks as table 1. Cells are "Lambda functions / characters of the IAM policy documents attached", counted '
      + 'as IAM counts them (compact JSON, with Ref, Fn::GetAtt and Fn::Join resolved to ids and ARNs of real length).',
    header: ['clients', 'ours: managed login', 'ours: classic', 'AwsCustomResource', 'L1 (no Lambda)'],
    rows,
    notes: [
      verdict(oneLambda, 'one Lambda per stack whatever the client count', counts.map((n) => `${n}: ${f(OURS_MANAGED, n).lambdas}`).join(', ')),
      `Policy characters on the one handler role (IAM allows ${ROLE_POLICY_LIMIT} for all its inline policies together), by the `
      + `linear fit: ours managed login ${growth(OURS_MANAGED)}; ours classic ${growth(OURS_CLASSIC)}; AwsCustomResource `
      + `${growth(AWS_CUSTOM_RESOURCE_CLASSIC)} (one AWS::IAM::Policy per resource).`,
    ],
  };
}
