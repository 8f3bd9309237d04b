export * from './callCenterAdapter';
export * from './callCenterLoaders';
export * from './callCenterIds';
export { type CallCenterContact } from './callCenterMapping';
export { CallCenterRejected } from './soapCodec';
