import type { SourceSystem } from '../canonical';
import type { BreakerState } from './clientHooks';
import { legacySystemHealth, registerSystemHealth, type LegacySystemHealth } from './systemHealth';

describe('legacySystemHealth', () => {
  const leaving: Array<() => void> = [];
  afterEach(() => {
    for (const leave of leaving.splice(0)) leave();
  });

  const client = (system: SourceSystem, breaker: BreakerState, reason?: string): void => {
    const health: LegacySystemHealth = reason === undefined ? { system, breaker } : { system, breaker, reason };
    leaving.push(registerSystemHealth({ system, health: () => health }));
  };

  it('reports nothing for a system without a client in this process', () => {
    client('CARDS', 'closed');
    expect(legacySystemHealth(['ERP'])).toEqual([]);
  });

  it('reports the systems asked for, in the order asked, and no others', () => {
    client('CALL_CENTER', 'open', 'breaker open after 9 of 10 calls failed within 5 s; last: server error (503)');
    client('CORE_BANKING', 'closed');
    client('ERP', 'half-open', 'half-open');
    expect(legacySystemHealth(['CORE_BANKING', 'CALL_CENTER'])).toEqual([
      { system: 'CORE_BANKING', breaker: 'closed' },
      { system: 'CALL_CENTER', breaker: 'open', reason: 'breaker open after 9 of 10 calls failed within 5 s; last: server error (503)' },
    ]);
  });

  // [clients of one system in the order they were created, the state reported]
  const worst: Array<[BreakerState[], BreakerState]> = [
    [['closed', 'half-open'], 'half-open'],
    [['half-open', 'closed'], 'half-open'],
    [['open', 'half-open'], 'open'],
    [['half-open', 'open', 'closed'], 'open'],
    [['open', 'isolated'], 'isolated'],
    [['isolated', 'open'], 'isolated'],
    [['closed', 'closed'], 'closed'],
  ];

  it.each(worst)('with several clients of one system (%j), reports the worst: %s', (states, expected) => {
    for (const state of states) client('CARDS', state, state);
    const [health] = legacySystemHealth(['CARDS']);
    expect(health.breaker).toBe(expected);
  });

  it('on equal states keeps the first client registered (its reason)', () => {
    client('ERP', 'open', 'first');
    client('ERP', 'open', 'second');
    expect(legacySystemHealth(['ERP'])).toEqual([{ system: 'ERP', breaker: 'open', reason: 'first' }]);
  });

  it('forgets a client once it has left', () => {
    const leave = registerSystemHealth({ system: 'ERP', health: () => ({ system: 'ERP', breaker: 'open' }) });
    expect(legacySystemHealth(['ERP'])).toHaveLength(1);
    leave();
    expect(legacySystemHealth(['ERP'])).toEqual([]);
  });
});
