import { epochSeconds } from './branding-store';
import { refusalOfClassicCss } from './classic-css';
import { ClassicCustomization, CognitoState, UserPool } from './cognito-state';
import { isOfFormat } from './image-formats';
import { requireDomain } from './pool-checks';
import { invalidParameter } from './service-error';

/**
 * SetUICustomization / GetUICustomization: the classic hosted UI's CSS and
 * logo, per client or for ALL. The model carries CSS <= 131,072 characters
 * and the image's byte limit; the CSS rules are in classic-css.ts, the rest
 * is here.
 */

/**
 * "The whole request must be 135 KB or less." Read as 135,000 bytes of HTTP
 * body as sent (the logo's base64 included), the stricter of the two
 * readings, as for the 2 MB limit of managed login branding.
 */
export const MAX_UI_CUSTOMIZATION_REQUEST_BYTES = 135_000;

/** The ClientId of the user pool's default customization, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html */
const ALL_CLIENTS = 'ALL';

export interface UiCustomizationInput {
  readonly UserPoolId: string;
  readonly ClientId?: string;
  readonly CSS?: string;
  /** base64 as it travels. */
  readonly ImageFile?: string;
}

export class ClassicCustomizations {
  private versions = 0;

  constructor(private readonly cognito: CognitoState) {}

  /** CSS and image are set together; a call with neither clears the target. */
  set(input: UiCustomizationInput, requestBytes: number): object {
    if (requestBytes > MAX_UI_CUSTOMIZATION_REQUEST_BYTES) {
      throw invalidParameter(`The request is ${requestBytes} bytes; SetUICustomization accepts at most 135 KB.`);
    }
    const pool = this.cognito.pool(input.UserPoolId);
    const target = this.target(pool, input.ClientId);
    requireDomain(pool);
    const cssRefusal = input.CSS === undefined ? undefined : refusalOfClassicCss(input.CSS);
    if (cssRefusal) {
      throw cssRefusal;
    }
    const image = input.ImageFile === undefined ? undefined : Buffer.from(input.ImageFile, 'base64');
    if (image !== undefined) {
      if (!isOfFormat('PNG', image) && !isOfFormat('JPEG', image)) {
        throw invalidParameter('The uploaded image must be a valid .jpeg or .png file.');
      }
    }
    if (input.CSS === undefined && image === undefined) {
      pool.classic.delete(target);
      return { UICustomization: { UserPoolId: pool.id, ClientId: target } };
    }
    const now = new Date();
    const customization: ClassicCustomization = {
      css: input.CSS,
      image,
      cssVersion: `${now.toISOString().replace(/\D/g, '').slice(0, 14)}${String(++this.versions).padStart(4, '0')}`,
      creationDate: pool.classic.get(target)?.creationDate ?? now,
      lastModifiedDate: now,
    };
    pool.classic.set(target, customization);
    return { UICustomization: render(pool, target, customization) };
  }

  /** A client without its own customization gets ALL's (ClientId 'ALL'), or an empty UICustomization. */
  get(input: UiCustomizationInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const target = this.target(pool, input.ClientId);
    const own = pool.classic.get(target);
    if (own) {
      return { UICustomization: render(pool, target, own) };
    }
    const all = pool.classic.get(ALL_CLIENTS);
    return { UICustomization: all ? render(pool, ALL_CLIENTS, all) : {} };
  }

  private target(pool: UserPool, clientId: string | undefined): string {
    if (clientId === undefined || clientId === ALL_CLIENTS) {
      return ALL_CLIENTS;
    }
    this.cognito.client(pool, clientId);
    return clientId;
  }
}

function render(pool: UserPool, clientId: string, customization: ClassicCustomization): object {
  return {
    UserPoolId: pool.id,
    ClientId: clientId,
    ...(customization.image ? { ImageUrl: `https://d3oia8etllorh5.cloudfront.net/${pool.id}/${clientId}/${customization.cssVersion}/assets/images/image.${isOfFormat('PNG', customization.image) ? 'png' : 'jpg'}` } : {}),
    ...(customization.css === undefined ? {} : { CSS: customization.css }),
    CSSVersion: customization.cssVersion,
    CreationDate: epochSeconds(customization.creationDate),
    LastModifiedDate: epochSeconds(customization.lastModifiedDate),
  };
}
