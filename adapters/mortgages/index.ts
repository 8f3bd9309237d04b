export { createMortgagesAdapter, dropFolderOf, type MortgagesAdapter, type MortgagesAdapterOptions } from './mortgagesAdapter';
export { createMortgagesLoaders, type MortgagesLoaders } from './mortgagesLoaders';
export type { MortgageLoan, ArrearsStatus, RateType } from './mortgageLoan';
export { arrearsStatus } from './arrearsStatus';
