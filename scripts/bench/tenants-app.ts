/**
 * The multi-tenant app of issue 20's third target: one user pool, one app
 * client per tenant, each with its own managed login style (its logo and its
 * colors). The login's stack holds the pool and the first tenants; tenant
 * stacks add aws-cdk-lib UserPoolClients on the login's pool, which the
 * login styles from its pages' perClient (keyed by the client's construct
 * id), in the client's own stack. Shared by the benchmark (scripts/bench/tenants.ts,
 * 1,000 tenants in five stacks) and the test that synthesizes it in CI
 * (test/tenants.test.ts).
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { App, DefaultStackSynthesizer, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { BrandingAsset, BrandingCategory, BrandingColorMode, BrandingSettings, BrandingStyleOptions, CognitoLogin, LoginDomain, LoginPages } from '../../src';
import { png } from '../../standin/sample-images';

export const TENANTS_ENV = { account: '123456789012', region: 'eu-west-1' };

/** The login's stack; tenant stacks are `${LOGIN_STACK}<n>`, n from 1. */
export const LOGIN_STACK = 'Tenants';

export interface TenantsAppOptions {
  /** Where the app writes its cloud assembly. */
  readonly outdir: string;
  /** Where the tenants' logos are written (one file each). */
  readonly imagesDir: string;
  /** Tenants whose clients (and styles) are in the login's stack. */
  readonly inLoginStack: number;
  /** Clients per tenant stack, one number per stack: [190, 190] is two tenant stacks. */
  readonly tenantStacks: readonly number[];
  /** Tenants whose logo is the second version (`logo-v2`): a logo change, re-synthesized. @default none */
  readonly newLogo?: readonly string[];
  /**
   * Leaves out the CDK's BootstrapVersion rule, which the deploy runner
   * (standin/) does not resolve. @default true
   */
  readonly bootstrapRule?: boolean;
}

export interface TenantsApp {
  readonly app: App;
  readonly loginStack: Stack;
  readonly tenantStacks: Stack[];
  /** Every tenant's client construct id, in order: `Tenant0`, `Tenant1`, ... */
  readonly tenants: string[];
}

/** Tenant i's id: its client's construct id and its key in perClient. */
export const tenantId = (i: number): string => `Tenant${i}`;

/**
 * The app, not yet synthesized. Each tenant's style: its primary button color
 * and its header logo (a 2 KB PNG of its own), staged as assets; the logo
 * bytes depend only on the tenant and its logo version, so a re-synthesized
 * app stages the same files.
 */
export function tenantsApp(options: TenantsAppOptions): TenantsApp {
  const app = new App({ outdir: options.outdir });
  const synthesizer = () => (options.bootstrapRule ?? true ? undefined : new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }));
  const loginStack = new Stack(app, LOGIN_STACK, { env: TENANTS_ENV, synthesizer: synthesizer() });
  const total = options.inLoginStack + options.tenantStacks.reduce((sum, n) => sum + n, 0);
  const tenants = Array.from({ length: total }, (_, i) => tenantId(i));
  const newLogo = new Set(options.newLogo ?? []);
  const perClient: { [id: string]: BrandingStyleOptions } = {};
  tenants.forEach((tenant, i) => {
    perClient[tenant] = tenantStyle(options.imagesDir, tenant, i, newLogo.has(tenant) ? 2 : 1);
  });
  const login = new CognitoLogin(loginStack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-tenants'),
    userPoolProps: { removalPolicy: RemovalPolicy.DESTROY },
    pages: LoginPages.managedLogin({ perClient }),
  });
  // Made the aws-cdk-lib way, as the tenant stacks' clients are: addClient
  // would also give each client a sign-in URL output, and CloudFormation
  // takes at most 200 outputs per template.
  const addTenant = (stack: Stack, i: number) => new cognito.UserPoolClient(stack, tenantId(i), {
    userPool: login.userPool,
    oAuth: { callbackUrls: [`https://tenant${i}.example.com/callback`], scopes: [cognito.OAuthScope.OPENID] },
  });
  let next = 0;
  for (; next < options.inLoginStack; next++) {
    addTenant(loginStack, next);
  }
  const tenantStacks = options.tenantStacks.map((count, s) => {
    const stack = new Stack(app, `${LOGIN_STACK}${s + 1}`, { env: TENANTS_ENV, synthesizer: synthesizer() });
    for (let k = 0; k < count; k++, next++) {
      addTenant(stack, next);
    }
    return stack;
  });
  return { app, loginStack, tenantStacks, tenants };
}

/** A tenant's style: its own primary color and its own header logo. */
function tenantStyle(imagesDir: string, tenant: string, i: number, logoVersion: number): BrandingStyleOptions {
  const logo = path.join(imagesDir, `${tenant}-logo-v${logoVersion}.png`);
  writeFileSync(logo, Buffer.concat([png(2048, i % 256), Buffer.from(`${tenant} logo v${logoVersion}`)]));
  const color = `#${((i * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}`;
  return {
    settings: BrandingSettings.fromOptions({ lightMode: { primaryButtonBackground: color } }),
    assets: [BrandingAsset.fromFile(logo, { category: BrandingCategory.PAGE_HEADER_LOGO, colorMode: BrandingColorMode.LIGHT })],
  };
}
