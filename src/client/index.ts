export * from './client';
export * from './machine-client';
