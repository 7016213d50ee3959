import { collectBrandingStyleInputViolations } from '../../branding/private/branding-inputs';
import { collectClassicInputViolations } from '../../classic/private/classic-inputs';
import { ClassInput, collectClassInputViolations } from '../../private/class-inputs';
import { ViolationCollector } from '../../private/validate';
import { LoginPages } from '../login-pages';

const LOGIN_PAGES: ClassInput = {
  name: 'LoginPages',
  member: 'managedLoginVersion',
  factories: ['LoginPages.managedLogin({ branding, perClient })', 'LoginPages.classic({ css, logo, perClient })'],
};

/** The pages of a login and every class-typed member of their styles, the pool-wide ones and each perClient entry. */
export function collectPagesInputViolations(violations: ViolationCollector, prop: string, pages: LoginPages | undefined): void {
  if (!collectClassInputViolations(violations, prop, pages, LOGIN_PAGES, false) || pages === undefined) {
    return;
  }
  const managed = pages.managedLoginOptions;
  if (managed !== undefined) {
    collectBrandingStyleInputViolations(violations, `${prop}.branding`, managed.branding);
    for (const [id, style] of Object.entries(managed.perClient ?? {})) {
      collectBrandingStyleInputViolations(violations, `${prop}.perClient.${id}`, style);
    }
  }
  const classic = pages.classicOptions;
  if (classic !== undefined) {
    collectClassicInputViolations(violations, prop, classic);
    for (const [id, options] of Object.entries(classic.perClient ?? {})) {
      collectClassicInputViolations(violations, `${prop}.perClient.${id}`, options);
    }
  }
}
