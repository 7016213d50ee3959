import { ServiceError } from './service-error';

/**
 * SSM Parameter Store, as far as the handler's ownership records need it:
 * GetParameter, PutParameter (Overwrite, ParameterAlreadyExists) and
 * DeleteParameter (ParameterNotFound).
 */

/**
 * Standard-tier parameters hold at most 4 KB and advanced ones 8 KB; the
 * model does not carry it. Intelligent-Tiering makes a parameter advanced
 * only when it needs to be, and an advanced parameter never goes back to
 * standard. (https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html)
 */
const MAX_STANDARD_VALUE_CHARACTERS = 4096;
const MAX_ADVANCED_VALUE_CHARACTERS = 8192;

export interface StoredParameter {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  readonly tier: 'Standard' | 'Advanced';
  readonly version: number;
  readonly lastModifiedDate: Date;
}

interface PutInput {
  readonly Name: string;
  readonly Value: string;
  readonly Type?: string;
  readonly Overwrite?: boolean;
  readonly Tier?: string;
}

export class ParameterStore {
  readonly parameters = new Map<string, StoredParameter>();

  constructor(private readonly region: string, private readonly account: string) {}

  get(input: { readonly Name: string }): object {
    const parameter = this.find(input.Name);
    return {
      Parameter: {
        Name: parameter.name,
        Type: parameter.type,
        Value: parameter.value,
        Version: parameter.version,
        LastModifiedDate: parameter.lastModifiedDate.getTime() / 1000,
        ARN: `arn:aws:ssm:${this.region}:${this.account}:parameter/${parameter.name.replace(/^\//, '')}`,
        DataType: 'text',
      },
    };
  }

  put(input: PutInput): object {
    const existing = this.parameters.get(input.Name);
    if (existing && input.Overwrite !== true) {
      throw new ServiceError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
    }
    const tier = existing?.tier === 'Advanced' || input.Tier === 'Advanced'
      || (input.Tier === 'Intelligent-Tiering' && input.Value.length > MAX_STANDARD_VALUE_CHARACTERS) ? 'Advanced' : 'Standard';
    if (tier === 'Standard' && input.Value.length > MAX_STANDARD_VALUE_CHARACTERS) {
      throw new ServiceError('ValidationException', `Standard tier parameters support a maximum parameter value of ${MAX_STANDARD_VALUE_CHARACTERS} characters.`);
    }
    if (input.Value.length > MAX_ADVANCED_VALUE_CHARACTERS) {
      throw new ServiceError('ValidationException', `Advanced tier parameters support a maximum parameter value of ${MAX_ADVANCED_VALUE_CHARACTERS} characters.`);
    }
    const version = (existing?.version ?? 0) + 1;
    this.parameters.set(input.Name, {
      name: input.Name,
      type: input.Type ?? existing?.type ?? 'String',
      value: input.Value,
      tier,
      version,
      lastModifiedDate: new Date(),
    });
    return { Version: version, Tier: tier };
  }

  delete(input: { readonly Name: string }): object {
    this.find(input.Name);
    this.parameters.delete(input.Name);
    return {};
  }

  private find(name: string): StoredParameter {
    const parameter = this.parameters.get(name);
    if (!parameter) {
      throw new ServiceError('ParameterNotFound', `Parameter ${name} not found.`);
    }
    return parameter;
  }
}
