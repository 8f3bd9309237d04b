export {
  createCoreBankingSimulator,
  startCoreBankingSimulator,
  CONTENT_TYPE,
  type CoreBankingSimulatorOptions,
  type StartCoreBankingOptions,
} from './coreBankingSimulator';
export { editRecordSchema, type EditRecordInput } from './customerStore';
export { sampleCustomer, sampleCustomers } from './sampleCustomers';
