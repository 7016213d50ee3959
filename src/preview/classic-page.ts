// The classic hosted UI's sign-in page, rebuilt with the documented
// `*-customizable` classes in Cognito's structure (a panel with a banner and
// logo, provider buttons, the username and password form), then three
// stylesheets in the order the real page applies them: the page's own
// structure, Cognito's default template, and the user's CSS on top. So what
// the user's CSS changes is what changes in the preview.
import { ClassicPageStyle } from './assembly-styles';
import { CLASSIC_DEFAULT_CSS } from './classic-default-css';
import { PREVIEW_BAR_HEIGHT, dataUri, escapeHtml, previewDocument } from './html';
import { PageProvider } from './template-refs';
import { ALL_CLIENTS } from '../private/custom-resource-contract';

/** Providers Cognito shows as social buttons; SAML and OIDC providers get idpButton-customizable. */
const SOCIAL: { readonly [type: string]: { readonly label: string; readonly css: string } } = {
  Google: { label: 'Continue with Google', css: 'background-color: #ffffff; color: #5f6368; border: 1px solid #dadce0;' },
  Facebook: { label: 'Continue with Facebook', css: 'background-color: #1877f2; color: #ffffff;' },
  LoginWithAmazon: { label: 'Continue with Amazon', css: 'background-color: #232f3e; color: #ffffff;' },
  SignInWithApple: { label: 'Continue with Apple', css: 'background-color: #000000; color: #ffffff;' },
};

/**
 * The structure around the customizable classes (Cognito builds it with
 * Bootstrap 3): only what places things and what Bootstrap gives buttons and
 * inputs, never a property the default template sets, so the template and
 * the user's CSS decide every customizable look. The grey around the panel
 * is the preview's own.
 */
const STRUCTURE_CSS = `
.classic-page { box-sizing: border-box; min-height: calc(100vh - ${PREVIEW_BAR_HEIGHT}px); display: grid;
  grid-template-columns: 1fr auto 1fr; align-items: start; gap: 32px; padding: 40px 24px; background: #eaeded;
  font-size: 14px; color: #333333; }
.classic-page > .modal-content:first-child { grid-column: 2; }
.modal-content { box-sizing: border-box; width: 380px; border: 1px solid rgba(0, 0, 0, 0.2); border-radius: 6px;
  box-shadow: 0 5px 15px rgba(0, 0, 0, 0.5); overflow: hidden; }
.modal-body { padding: 15px 30px 25px 30px; }
.states { width: 300px; }
.states h2 { margin: 0 0 8px 0; font-size: 13px; color: #545b64; }
.btn { display: block; box-sizing: border-box; padding: 6px 12px; border: 1px solid transparent; border-radius: 4px; cursor: pointer;
  font-family: inherit; }
.social-button { display: flex; align-items: center; gap: 10px; padding-left: 12px; }
.form-group { margin-bottom: 15px; }
.form-control { display: block; box-sizing: border-box; padding: 6px 12px; border-radius: 4px; font-size: 14px; font-family: inherit; }
.label-customizable { display: inline-block; margin-bottom: 5px; }
.separator { display: flex; align-items: center; gap: 8px; margin: 10px 0; color: #777777; }
.separator::before, .separator::after { content: ""; flex: 1; border-top: 1px solid #cccccc; }
.redirect-customizable { display: block; }
.errorMessage-customizable { box-sizing: border-box; }
`;

/** The classic sign-in page of `style` as an HTML document. Classic pages have no dark mode. */
export function classicLoginPage(style: ClassicPageStyle): string {
  const notes = [...style.problems];
  if (style.customizedFor === ALL_CLIENTS && style.client.name !== ALL_CLIENTS) {
    notes.push('customization for ALL clients');
  }
  return previewDocument({
    stack: style.stack,
    client: style.client.name,
    what: 'classic hosted UI (the same in light and dark mode)',
    notes,
  }, [STRUCTURE_CSS, CLASSIC_DEFAULT_CSS, style.css ?? ''], body(style));
}

function body(style: ClassicPageStyle): string {
  const logo = style.logo ? `<img class="logo-customizable" data-preview="logo" alt="logo" src="${dataUri(style.logo)}">` : '';
  const social = style.client.providers.filter((p) => SOCIAL[p.type] !== undefined);
  const corporate = style.client.providers.filter((p) => SOCIAL[p.type] === undefined);
  const sections = [
    social.length ? socialSection(social) : '',
    corporate.length ? corporateSection(corporate) : '',
    style.client.localUsers ? localSection(style.signUp) : '',
  ].filter((section) => section !== '');
  return `
<div class="classic-page">
<div class="modal-content background-customizable" data-preview="panel">
  <div class="banner-customizable" data-preview="banner"><center>${logo}</center></div>
  <div class="modal-body">
${sections.join('\n<div class="separator">or</div>\n')}
  </div>
</div>
${statesPanel()}
</div>`;
}

function socialSection(providers: PageProvider[]): string {
  const buttons = providers.map((p) => `<button class="btn social-button socialButton-customizable" data-preview="social-button" style="${SOCIAL[p.type].css}">`
    + `<span aria-hidden="true">&#9679;</span>${escapeHtml(SOCIAL[p.type].label)}</button>`);
  return [
    '<span class="idpDescription-customizable">Sign in with your social account</span>',
    ...buttons,
    '<p class="legalText-customizable">We won\'t post to any of your accounts without asking first</p>',
  ].join('\n');
}

function corporateSection(providers: PageProvider[]): string {
  return [
    '<span class="idpDescription-customizable">Sign in with your corporate ID</span>',
    ...providers.map((p) => `<button class="btn idpButton-customizable" data-preview="idp-button">${escapeHtml(p.name)}</button>`),
  ].join('\n');
}

function localSection(signUp: boolean): string {
  return [
    '<span class="textDescription-customizable">Sign in with your username and password</span>',
    '<div class="form-group"><label class="label-customizable" data-preview="label">Username</label>',
    '<input class="form-control inputField-customizable" data-preview="input" placeholder="Username"></div>',
    '<div class="form-group"><label class="label-customizable">Password</label>',
    '<input type="password" class="form-control inputField-customizable" placeholder="Password"></div>',
    '<a class="redirect-customizable" href="#">Forgot your password?</a>',
    '<input type="submit" class="btn btn-primary submitButton-customizable" data-preview="submit-button" value="Sign in">',
    signUp ? '<span class="textDescription-customizable">Need an account? <a class="redirect-customizable" href="#">Sign up</a></span>' : '',
  ].join('\n');
}

/** What other pages and states show: an error message and the password checks of sign-up. */
function statesPanel(): string {
  return `
<div class="modal-content background-customizable states"><div class="modal-body">
  <h2>Also styled: after a failed sign-in, and on sign-up</h2>
  <p class="errorMessage-customizable" data-preview="error-message">Incorrect username or password.</p>
  <div class="passwordCheck-valid-customizable">&#10003; Password must contain a lower case letter</div>
  <div class="passwordCheck-notValid-customizable">&#10007; Password must contain a number</div>
</div></div>`;
}
