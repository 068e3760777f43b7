export * from './chatwork-credentials';
export * from './connection-keys';
export * from './deliveries';
export * from './sessions';
export * from './tenants';
export * from './usage-counters';
export * from './users';
