export { createErpAdapter, type ErpAdapter, type ErpAdapterOptions } from './erpAdapter';
export { createErpLoaders, type ErpLoaders } from './erpLoaders';
export { isPartnerId } from './erpIds';
export { MAX_FILTER_COMPARISONS } from './erpProtocol';
