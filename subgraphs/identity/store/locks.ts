/**
 * PostgreSQL advisory lock keys of the identity store (one place, so they never collide).
 *
 * - FOLLOWER: session lock held by the one identity process that follows the change feeds.
 * - WRITE: transaction lock every crosswalk write takes first (feed batches of any system,
 *   steward decisions from any replica), so each reads its neighbourhood and writes the
 *   difference without another write in between.
 * - RETRAIN: transaction lock of a retrain (store/retrainStore.ts), tried, never waited for: a
 *   second retrain while one runs, on any replica, is refused.
 */
export const IDENTITY_LOCKS = {
  FOLLOWER: 7_301_010,
  WRITE: 7_301_011,
  RETRAIN: 7_301_012,
} as const;
