export * from './auditEvent';
export * from './auditStore';
export { JsonlAuditStore } from './jsonlAuditStore';
export { RedisAuditStore, type RedisAuditStoreOptions } from './redisAuditStore';
export { createAuditStoreFromEnv, AuditConfigError, DEFAULT_AUDIT_LOG_PATH, DEFAULT_AUDIT_KEY_PREFIX } from './auditStoreFromEnv';
export { recordAuditEvent, processAuditStore, useAuditStore, completeAuditEvent, type AuditEventInput } from './recordAuditEvent';
export { customerIdsTouched, CUSTOMER_ID_PATTERN } from './customerIdsTouched';
export { fieldClassesTouched, STATIC_FIELD_CLASSES, type FieldClassIndex } from './fieldClasses';
export { principalOf, type AuditPrincipal } from './principalOf';
