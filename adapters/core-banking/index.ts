export {
  createCoreBankingAdapter,
  CORE_BANKING_BATCH_LIMIT,
  DEFAULT_TRANSACTION_LIMIT,
  type CoreBankingAdapter,
  type CoreBankingAdapterOptions,
} from './coreBankingAdapter';
export { createCoreBankingLoaders, type CoreBankingLoaders } from './coreBankingLoaders';
export { isCif, InvalidArgumentError, MAX_TRANSACTION_LIMIT } from './coreBankingInput';
export { parseCopybook, type CopybookLayout, type CopybookField, type FieldKind } from './copybookLayout';
export { encodeRecord, decodeRecord, CopybookCodecError, type DecodedRecord, type FieldValue } from './copybookCodec';
