export * from './client-registration';
export * from './client-metadata-documents';
