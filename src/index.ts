export * from './branding';
export * from './classic';
export * from './client';
export * from './domain';
export * from './login';
export * from './pages';
export * from './providers';
export * from './resource-server';
