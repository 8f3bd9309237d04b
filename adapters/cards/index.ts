export { createCardsAdapter, CARDS_BATCH_LIMIT, type CardsAdapter, type CardsAdapterOptions, type CardTransactionPage } from './cardsAdapter';
export { createCardsLoaders, type CardsLoaders } from './cardsLoaders';
export { InvalidArgumentError, CARDHOLDER_ID, CARD_ID } from './cardsInput';
export { maskPan, redactPans, containsUnmaskedPan } from './panMask';
