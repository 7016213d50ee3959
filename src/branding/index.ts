export * from './asset';
export * from './settings';
export * from './style';
