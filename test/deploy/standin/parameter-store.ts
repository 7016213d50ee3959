import { ServiceError } from './service-error';

/**
 * SSM Parameter Store, as far as the handler's ownership records need it:
 * GetParameter, PutParameter (Overwrite, ParameterAlreadyExists) and
 * DeleteParameter (ParameterNotFound).
 */

/** Standard-tier parameters hold at most 4 KB; the model does not carry it. */
const MAX_STANDARD_VALUE_CHARACTERS = 4096;

export interface StoredParameter {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  readonly version: number;
  readonly lastModifiedDate: Date;
}

interface PutInput {
  readonly Name: string;
  readonly Value: string;
  readonly Type?: string;
  readonly Overwrite?: boolean;
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
    if (input.Value.length > MAX_STANDARD_VALUE_CHARACTERS) {
      throw new ServiceError('ValidationException', `Standard tier parameters support a maximum parameter value of ${MAX_STANDARD_VALUE_CHARACTERS} characters.`);
    }
    const version = (existing?.version ?? 0) + 1;
    this.parameters.set(input.Name, {
      name: input.Name,
      type: input.Type ?? existing?.type ?? 'String',
      value: input.Value,
      version,
      lastModifiedDate: new Date(),
    });
    return { Version: version, Tier: 'Standard' };
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
