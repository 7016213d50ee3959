export * from './domain';
export * from './security-policy';
