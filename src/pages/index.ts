export * from './login-pages';
