export * from './errors';
export * from './config';
export * from './clientHooks';
export * from './systemClient';
export * from './batchLoader';
export * from './retryAfter';
export * from './sourceAdapter';
export * from './requestContext';
