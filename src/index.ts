export * from './branding';
export * from './classic';
