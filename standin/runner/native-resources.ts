import { randomBytes, randomUUID } from 'crypto';
import { PoolSignInSettings, settingsOfCloudFormation, StandIn } from '../services';

/**
 * Resource types CloudFormation itself provisions. The Cognito types
 * are made in the stand-in, with the ids and attributes the handler will see;
 * an ACM certificate gets the ARN its Ref gives; every other type is only
 * recorded, with a plausible physical id and attributes and no behaviour.
 */

export interface NativeContext {
  readonly standIn: StandIn;
  readonly stackName: string;
  readonly region: string;
  readonly account: string;
}

export interface Provisioned {
  readonly physicalId: string;
  readonly attributes: { readonly [name: string]: unknown };
}

type Props = { readonly [name: string]: any };

interface NativeType {
  /** Properties whose change makes CloudFormation replace the resource. */
  readonly replacedBy?: readonly string[];
  create(ctx: NativeContext, logicalId: string, props: Props): Provisioned;
  /** In place: the same physical id. */
  update?(ctx: NativeContext, physicalId: string, props: Props, old: Props): void;
  delete(ctx: NativeContext, physicalId: string, props: Props): void;
}

const COGNITO_TYPES: { readonly [type: string]: NativeType } = {
  'AWS::Cognito::UserPool': {
    create: (ctx, logicalId, props) => {
      const options = { name: props.UserPoolName ?? logicalId, region: ctx.region, account: ctx.account, settings: settingsOfCloudFormation(props) };
      const pool = ctx.standIn.createUserPool(options, signInSettings(props));
      return {
        physicalId: pool.id,
        attributes: { Arn: pool.arn, ProviderName: pool.providerName, ProviderURL: pool.providerUrl, UserPoolId: pool.id },
      };
    },
    // The template's properties and nothing else: a setting made outside CloudFormation (DcrConfiguration) goes back to its default.
    update: (ctx, physicalId, props) => ctx.standIn.updateUserPool(physicalId, signInSettings(props), settingsOfCloudFormation(props)),
    delete: (ctx, physicalId) => ctx.standIn.deleteUserPool(physicalId),
    // "Settings you can't change" once a pool exists: sign-in options and user name case sensitivity
    // (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html).
    replacedBy: ['UsernameAttributes', 'AliasAttributes', 'UsernameConfiguration'],
  },
  'AWS::Cognito::UserPoolClient': {
    create: (ctx, logicalId, props) => {
      const clientId = ctx.standIn.createUserPoolClient(props.UserPoolId, props.ClientName ?? logicalId, {
        ...(props.AllowedOAuthFlows ? { allowedOAuthFlows: props.AllowedOAuthFlows } : {}),
        ...(props.AllowedOAuthScopes ? { allowedOAuthScopes: props.AllowedOAuthScopes } : {}),
      });
      return {
        physicalId: clientId,
        attributes: { ClientId: clientId, Name: props.ClientName ?? logicalId, ...(props.GenerateSecret ? { ClientSecret: randomBytes(26).toString('hex') } : {}) },
      };
    },
    delete: (ctx, physicalId, props) => ctx.standIn.deleteUserPoolClient(props.UserPoolId, physicalId),
    replacedBy: ['UserPoolId', 'GenerateSecret'],
  },
  'AWS::Cognito::UserPoolDomain': {
    create: (ctx, _logicalId, props) => {
      ctx.standIn.createUserPoolDomain(props.UserPoolId, {
        domain: props.Domain,
        managedLoginVersion: Number(props.ManagedLoginVersion ?? 1),
        customDomain: props.CustomDomainConfig !== undefined,
      });
      return {
        physicalId: props.Domain,
        attributes: { CloudFrontDistribution: `d${randomBytes(6).toString('hex')}.cloudfront.net`, ManagedLoginVersion: Number(props.ManagedLoginVersion ?? 1) },
      };
    },
    update: (ctx, physicalId, props) => ctx.standIn.updateUserPoolDomain(props.UserPoolId, physicalId, Number(props.ManagedLoginVersion ?? 1)),
    delete: (ctx, physicalId, props) => ctx.standIn.deleteUserPoolDomain(props.UserPoolId, physicalId),
    replacedBy: ['Domain', 'UserPoolId'],
  },
  // Made from the primary's Region: the replica of a pool in another Region, INACTIVE until its regional configuration says otherwise.
  'AWS::Cognito::UserPoolReplica': {
    create: (ctx, _logicalId, props) => {
      ctx.standIn.replicas.create(props.UserPoolId, props.RegionName);
      return { physicalId: `${props.UserPoolId}|${props.RegionName}`, attributes: {} };
    },
    delete: (ctx, _physicalId, props) => ctx.standIn.replicas.delete(props.UserPoolId),
    replacedBy: ['RegionName', 'UserPoolId'],
  },
  // In the replica's Region: its own settings (status, triggers).
  'AWS::Cognito::UserPoolRegionalConfigurationAttachment': {
    create: (ctx, _logicalId, props) => {
      configureReplica(ctx, props);
      return { physicalId: `${props.UserPoolId}|${ctx.region}`, attributes: {} };
    },
    update: (ctx, _physicalId, props) => configureReplica(ctx, props),
    delete: () => undefined,
    replacedBy: ['UserPoolId'],
  },
};

/**
 * An ACM certificate: recorded, no behaviour (DNS validation is taken as done), but with what its Ref returns, the
 * certificate's ARN in its stack's Region, `arn:aws:acm:<region>:<account>:certificate/<uuid>`, which a custom domain
 * of a pool in another Region reads across Regions; the properties CloudFormation replaces it for
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-certificatemanager-certificate.html).
 */
const CERTIFICATE_TYPE: NativeType = {
  create: (ctx) => ({ physicalId: `arn:aws:acm:${ctx.region}:${ctx.account}:certificate/${randomUUID()}`, attributes: {} }),
  update: () => undefined,
  delete: () => undefined,
  replacedBy: ['DomainName', 'SubjectAlternativeNames', 'DomainValidationOptions', 'ValidationMethod', 'CertificateAuthorityArn', 'KeyAlgorithm'],
};

/** A replica's settings in its Region, from an AWS::Cognito::UserPoolRegionalConfigurationAttachment's properties. */
function configureReplica(ctx: NativeContext, props: Props): void {
  ctx.standIn.replicas.configure(props.UserPoolId, ctx.region, { status: props.Status, triggers: props.LambdaConfig });
}

/** The sign-in settings of an AWS::Cognito::UserPool's properties that Cognito checks together. */
function signInSettings(props: Props): PoolSignInSettings {
  return { mfaConfiguration: props.MfaConfiguration, allowedFirstAuthFactors: props.Policies?.SignInPolicy?.AllowedFirstAuthFactors };
}

/** Any other type: a name-like physical id, an ARN, and attributes that name themselves. */
const RECORDED_TYPE: NativeType = {
  create: (ctx, logicalId) => ({
    physicalId: `${ctx.stackName}-${logicalId}-${randomBytes(6).toString('hex').toUpperCase()}`.slice(0, 64),
    attributes: {},
  }),
  delete: () => undefined,
};

export function nativeType(type: string): NativeType {
  return COGNITO_TYPES[type] ?? (type === 'AWS::CertificateManager::Certificate' ? CERTIFICATE_TYPE : RECORDED_TYPE);
}

/** Whether the change from `old` to `props` replaces the resource rather than updating it in place. */
export function requiresReplacement(type: string, old: Props, props: Props): boolean {
  return (nativeType(type).replacedBy ?? []).some((name) => JSON.stringify(old[name]) !== JSON.stringify(props[name]));
}

/**
 * Fn::GetAtt of a recorded resource: what the type would answer, made up
 * from its physical id (an ARN for `Arn`, `<id>.<Attribute>` otherwise).
 */
export function recordedAttribute(ctx: NativeContext, type: string, physicalId: string, attribute: string): unknown {
  if (attribute === 'Arn') {
    const [, service, kind] = type.split('::');
    const lower = service.toLowerCase();
    if (type === 'AWS::Lambda::Function') {
      return `arn:aws:lambda:${ctx.region}:${ctx.account}:function:${physicalId}`;
    }
    if (type === 'AWS::IAM::Role') {
      return `arn:aws:iam::${ctx.account}:role/${physicalId}`;
    }
    if (type === 'AWS::Logs::LogGroup') {
      return `arn:aws:logs:${ctx.region}:${ctx.account}:log-group:${physicalId}:*`;
    }
    return `arn:aws:${lower}:${ctx.region}:${ctx.account}:${kind.toLowerCase()}/${physicalId}`;
  }
  return `${physicalId}.${attribute}`;
}
