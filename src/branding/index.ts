export * from './asset';
export * from './category';
export * from './managed-login-branding';
export * from './settings';
export * from './settings-options';
export * from './branding-style';
