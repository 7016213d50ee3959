export * from './account-linking';
