export { createCallCenterSimulator, startCallCenterSimulator, type CallCenterRecords, type CallCenterSimulatorOptions, type StartCallCenterOptions } from './callCenterSimulator';
export { loadCallCenterRecords, CallCenterFileError } from './callCenterFiles';
export { ENDPOINT_PATH, SERVICE_NAMESPACE, MAX_IDS_PER_REQUEST } from './callCenterProtocol';
