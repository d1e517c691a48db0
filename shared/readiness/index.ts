export * from './platform-resources';
export * from './quotas';
export * from './setup-actions';
export * from './verdict';
