import { CfnResource } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct, IConstruct, IDependable } from 'constructs';
import { LoginClientOptions } from '../../client/client';
import { ClientPlacement, LoginClient, LoginFeature, clientProp } from '../../private/login-feature';
import { ViolationCollector, isUnresolved, requireHttpsUrl, warn } from '../../private/validate';
import { LoginTermsOptions } from '../terms';

/**
 * The CloudFormation type, written as a plain CfnResource: aws-cdk-lib's L1
 * `CfnTerms` is missing from releases the library still supports (2.177.0 has
 * none), while the resource type itself exists in CloudFormation regardless.
 */
const TERMS_TYPE = 'AWS::Cognito::Terms';
/** TermsSourceType and TermsEnforcementType: the only values Cognito accepts (botocore cognito-idp model). */
const TERMS_SOURCE = 'LINK';
const TERMS_ENFORCEMENT = 'NONE';

/** LanguageIdType (botocore cognito-idp model): `cognito:default` plus the languages of managed login. */
const DEFAULT_LANGUAGE = 'cognito:default';
const LANGUAGES = [
  'english', 'french', 'spanish', 'german', 'dutch', 'italian', 'japanese', 'korean',
  'bahasa-indonesia', 'portuguese-brazil', 'chinese-simplified', 'chinese-traditional',
];
/** LinkUrlType: 1 to 1024 letters, marks, symbols, digits and punctuation (no spaces or control characters). */
const LINK_MAX_LENGTH = 1024;
const LINK_CHARACTERS = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/** The two documents: Cognito's TermsName for each, and the member names in LoginTermsOptions. */
const DOCUMENTS = [
  { termsName: 'terms-of-use', id: 'TermsOfUse', url: 'termsOfUse', byLanguage: 'termsOfUseByLanguage' },
  { termsName: 'privacy-policy', id: 'PrivacyPolicy', url: 'privacyPolicy', byLanguage: 'privacyPolicyByLanguage' },
] as const;

/** One document as Cognito takes it: `Links`, language id to URL. */
type Links = { [languageId: string]: string };

/** The documents of one client, each as its Links; both or neither. */
export interface ClientTerms {
  readonly termsOfUse: Links;
  readonly privacyPolicy: Links;
}

/** What the login's terms need to know about the rest of the login. */
export interface TermsContext {
  /** Whether the pages are managed login: the classic hosted UI shows no terms. */
  readonly managedLogin: boolean;
  /** The new pool's props, or undefined for a pool of the app's own. */
  readonly newPoolProps?: cognito.UserPoolProps;
}

/**
 * The terms documents of one login's clients: each client's own over the
 * login's, document by document. Every client gets them: one added with
 * addClient (its own `terms` too), one given to addExistingClient, and one
 * found on the pool (under the client, as its style is), since Cognito
 * shows terms per client (API_CreateTerms, ClientId).
 */
export class LoginTerms implements LoginFeature<LoginClientOptions> {
  /** Checks the login's terms; every violation is reported in one ValidationError on `scope`. */
  public static resolve(scope: IConstruct, terms: LoginTermsOptions | undefined, context: TermsContext): LoginTerms {
    const violations = new ViolationCollector(scope);
    collectTermsViolations(scope, violations, 'terms', terms, context.managedLogin);
    violations.throwIfAny();
    if (terms !== undefined && context.newPoolProps !== undefined && context.newPoolProps.selfSignUpEnabled !== true) {
      warn(scope, 'termsWithoutSignUp', 'Cognito links terms documents from the sign-up page only, and this pool has self sign-up off '
        + '(userPoolProps.selfSignUpEnabled), so users never see them.');
    }
    return new LoginTerms(scope, terms, context.managedLogin);
  }

  private constructor(
    private readonly scope: IConstruct,
    private readonly terms: LoginTermsOptions | undefined,
    private readonly managedLogin: boolean,
  ) {}

  /**
   * `<id>Terms` for a client of addClient or addExistingClient, as ever; for
   * a found client only when the login has terms, so a found client's own
   * child of that name stays its own on a login without them.
   */
  public reservedIds(placement: ClientPlacement<LoginClientOptions>): string[] {
    if (placement.access !== 'hostedPages') {
      return [];
    }
    return placement.origin === 'found' && this.terms === undefined ? [] : [termsId(placement.prefix)];
  }

  /** A client's own terms, and what it ends up with; a client without hosted pages may have none of its own. */
  public validateClient(violations: ViolationCollector, placement: ClientPlacement<LoginClientOptions>): void {
    const own = placement.options?.terms;
    if (placement.access !== 'hostedPages') {
      if (own !== undefined) {
        violations.add(clientProp(placement, 'terms'), describeTerms(own),
          'absent on a client without hosted pages (clientProps.disableOAuth): Cognito links terms documents from its sign-up page only');
      }
      return;
    }
    if (own !== undefined) {
      collectTermsViolations(this.scope, violations, clientProp(placement, 'terms'), own, this.managedLogin);
    }
    this.termsOf(violations, placement);
  }

  /** Gives a client with hosted pages its documents; Cognito shows them on those pages only. */
  public applyToClient(client: LoginClient<LoginClientOptions>): void {
    if (client.access !== 'hostedPages') {
      return;
    }
    const terms = this.termsOf(new ViolationCollector(this.scope), client);
    if (terms !== undefined) {
      addClientTerms(client.scope, client.prefix, client.userPool, client.client, terms, client.domain);
    }
  }

  private termsOf(violations: ViolationCollector, placement: ClientPlacement<LoginClientOptions>): ClientTerms | undefined {
    return clientTerms(violations, clientProp(placement, 'terms'), this.terms, placement.options?.terms);
  }
}

/**
 * Records every bad URL and language of one terms option (a login's or a
 * client's), and terms on classic pages; `prop` names it, e.g. `Web.terms`.
 */
function collectTermsViolations(
  scope: IConstruct, violations: ViolationCollector, prop: string, terms: LoginTermsOptions | undefined, managedLogin: boolean,
): void {
  if (terms === undefined) {
    return;
  }
  if (!managedLogin) {
    violations.add(prop, describeTerms(terms), 'only with LoginPages.managedLogin(): the classic hosted UI shows no terms documents');
  }
  for (const document of DOCUMENTS) {
    const url = terms[document.url];
    const byLanguage = terms[document.byLanguage];
    if (url !== undefined) {
      collectLinkViolations(scope, violations, `${prop}.${document.url}`, url);
    }
    if (byLanguage === undefined || isUnresolved(byLanguage)) {
      continue;
    }
    if (url === undefined) {
      violations.add(`${prop}.${document.byLanguage}`, Object.keys(byLanguage).join(', '),
        `absent unless ${document.url} is given: it is the document for every other language`);
    }
    for (const [language, languageUrl] of Object.entries(byLanguage)) {
      if (!LANGUAGES.includes(language)) {
        violations.add(`${prop}.${document.byLanguage}`, language, `a language of managed login: ${LANGUAGES.join(', ')}`);
      }
      collectLinkViolations(scope, violations, `${prop}.${document.byLanguage}.${language}`, languageUrl);
    }
  }
}

/**
 * The documents a client ends up with: each of its own replaces the login's
 * one of the same kind as a whole (URL and languages). Cognito shows terms
 * only when both exist, so one without the other is a violation; undefined
 * when there are none.
 */
function clientTerms(
  violations: ViolationCollector, prop: string, login: LoginTermsOptions | undefined, client: LoginTermsOptions | undefined,
): ClientTerms | undefined {
  const [termsOfUse, privacyPolicy] = DOCUMENTS.map((document) => {
    const own = client?.[document.url] !== undefined || client?.[document.byLanguage] !== undefined;
    const source = own ? client : login;
    const url = source?.[document.url];
    return url === undefined ? undefined : { [DEFAULT_LANGUAGE]: url, ...prefixed(source?.[document.byLanguage]) };
  });
  if (termsOfUse === undefined && privacyPolicy === undefined) {
    return undefined;
  }
  if (termsOfUse === undefined || privacyPolicy === undefined) {
    const missing = termsOfUse === undefined ? 'termsOfUse' : 'privacyPolicy';
    violations.add(`${prop}.${missing}`, '(not given by the client or the login)',
      'a URL: Cognito shows terms documents only when both a terms of use and a privacy policy exist');
    return undefined;
  }
  return { termsOfUse, privacyPolicy };
}

/**
 * Creates a client's two terms documents under `scope` (construct id
 * `<prefix>Terms`, children `TermsOfUse` and `PrivacyPolicy`), so logical
 * ids follow the client's id, never the order clients were added in.
 *
 * @param prefix the client's id under the login; nothing under a found client (see ClientPlacement)
 * @param after what the documents deploy after besides their pool and client (the login's domain)
 */
function addClientTerms(
  scope: Construct, prefix: string, userPool: cognito.IUserPool, client: cognito.IUserPoolClient, terms: ClientTerms, after: IDependable,
): Construct {
  const parent = new Construct(scope, termsId(prefix));
  for (const document of DOCUMENTS) {
    new CfnResource(parent, document.id, {
      type: TERMS_TYPE,
      properties: {
        UserPoolId: userPool.userPoolId,
        ClientId: client.userPoolClientId,
        TermsName: document.termsName,
        TermsSource: TERMS_SOURCE,
        Enforcement: TERMS_ENFORCEMENT,
        Links: terms[document.url],
      },
    });
  }
  parent.node.addDependency(after);
  return parent;
}

/** Construct id of a client's terms documents. */
function termsId(prefix: string): string {
  return `${prefix}Terms`;
}

function collectLinkViolations(scope: IConstruct, violations: ViolationCollector, prop: string, url: string): void {
  if (isUnresolved(url)) {
    return;
  }
  violations.check(() => requireHttpsUrl(scope, prop, url));
  if (url.length > LINK_MAX_LENGTH || !LINK_CHARACTERS.test(url)) {
    violations.add(prop, url, `at most ${LINK_MAX_LENGTH} characters, without spaces or control characters`);
  }
}

function prefixed(byLanguage: { [language: string]: string } | undefined): Links {
  return Object.fromEntries(Object.entries(byLanguage ?? {}).map(([language, url]) => [`cognito:${language}`, url]));
}

function describeTerms(terms: LoginTermsOptions): string {
  return Object.entries(terms).filter(([, v]) => v !== undefined).map(([k]) => k).join(', ');
}
