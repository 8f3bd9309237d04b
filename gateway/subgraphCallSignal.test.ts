import { subgraphCallSignal } from './subgraphCallSignal';

describe('subgraphCallSignal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('aborts with a TimeoutError once the time is up, not before', () => {
    const request = new AbortController();
    const { signal } = subgraphCallSignal(request.signal, 8000);
    jest.advanceTimersByTime(7999);
    expect(signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).name).toBe('TimeoutError');
  });

  it('times out without a request signal (a gateway health check)', () => {
    const { signal } = subgraphCallSignal(undefined, 50);
    jest.advanceTimersByTime(50);
    expect((signal.reason as Error).name).toBe('TimeoutError');
  });

  it("aborts with the request's own reason when the request's signal fires first", () => {
    const request = new AbortController();
    const { signal } = subgraphCallSignal(request.signal, 8000);
    const deadline = new Error('deadline');
    request.abort(deadline);
    expect(signal.reason).toBe(deadline);
    // The timer is gone: the reason stays the request's.
    jest.advanceTimersByTime(10_000);
    expect(signal.reason).toBe(deadline);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('starts aborted when the request is already over, with its reason and no timer', () => {
    const request = new AbortController();
    request.abort('client gone');
    const { signal } = subgraphCallSignal(request.signal, 8000);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('client gone');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('once released, neither the timer nor the request reaches the call', () => {
    const request = new AbortController();
    const call = subgraphCallSignal(request.signal, 100);
    call.release();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(200);
    request.abort(new Error('later'));
    expect(call.signal.aborted).toBe(false);
  });

  it('leaves no listener on the request signal after a timeout or a release (seven calls a request)', () => {
    const request = new AbortController();
    const added: string[] = [];
    const removed: string[] = [];
    const add = request.signal.addEventListener.bind(request.signal);
    const remove = request.signal.removeEventListener.bind(request.signal);
    request.signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
      added.push(type);
      add(type, listener, options);
    }) as typeof request.signal.addEventListener;
    request.signal.removeEventListener = ((type: string, listener: EventListener) => {
      removed.push(type);
      remove(type, listener);
    }) as typeof request.signal.removeEventListener;
    subgraphCallSignal(request.signal, 10);
    jest.advanceTimersByTime(10);
    subgraphCallSignal(request.signal, 10).release();
    expect(added).toEqual(['abort', 'abort']);
    expect(removed).toEqual(['abort', 'abort']);
  });
});
