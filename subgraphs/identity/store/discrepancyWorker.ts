/**
 * A worker thread of the initial load's discrepancy pass (discrepancyThreads.ts): answers each
 * batch of customers' records with their discrepancy rows. A batch it cannot compute is answered
 * with a reason that names no data (a record's content never leaves in an error).
 */
import { serveTasks } from '../../runtime/serveTasks';
import { discrepancyRowsOf } from './discrepancyRows';

serveTasks(discrepancyRowsOf, (error) => (error instanceof SyntaxError ? 'a stored record is not JSON' : 'computing discrepancies failed'));
