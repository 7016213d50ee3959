export * from './services';
export * from './runner';
