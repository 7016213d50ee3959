export * from './client-registration';
