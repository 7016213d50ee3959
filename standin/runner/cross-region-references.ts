/**
 * aws-cdk-lib's cross-Region references (`crossRegionReferences: true`, a
 * replica's stacks): the producing stack's `Custom::CrossRegionExportWriter`
 * keeps each value as an SSM parameter `/cdk/exports/<consumer>/<id>` in the
 * consuming Region, and the consuming stack's `Custom::CrossRegionExportReader`
 * answers those values as its attributes (its `Fn::GetAtt` names the
 * parameter). Played here on the runner's own map, as aws-cdk-lib's
 * providers would (aws-cdk-lib core, cross-region-export-providers): the
 * stand-in's Parameter Store holds what the library's handler keeps, not
 * these.
 */

export const WRITER_TYPE = 'Custom::CrossRegionExportWriter';
export const READER_TYPE = 'Custom::CrossRegionExportReader';

type Props = { readonly [name: string]: any };

/** What a writer or reader event does to the values (`values`: `<region>:<name>` to value); the reader's Data, if any. */
export function crossRegionReference(
  values: Map<string, string>, type: string, requestType: 'Create' | 'Update' | 'Delete', properties: Props,
): { readonly [name: string]: string } | undefined {
  if (type === WRITER_TYPE) {
    const { region, exports } = properties.WriterProps as { region: string; exports: Record<string, string> };
    for (const [name, value] of Object.entries(exports)) {
      if (requestType === 'Delete') {
        values.delete(`${region}:${name}`);
      } else {
        values.set(`${region}:${name}`, String(value));
      }
    }
    return undefined;
  }
  if (type === READER_TYPE && requestType !== 'Delete') {
    const { region, imports } = properties.ReaderProps as { region: string; imports: Record<string, string> };
    return Object.fromEntries(Object.keys(imports).map((name) => {
      const value = values.get(`${region}:${name}`);
      if (value === undefined) {
        throw new Error(`${READER_TYPE}: no ${name} in ${region}: the stack that writes it is not deployed`);
      }
      return [name, value];
    }));
  }
  return undefined;
}
