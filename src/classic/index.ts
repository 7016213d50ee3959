export * from './customization';
export * from './options';
