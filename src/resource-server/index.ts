export * from './resource-server';
