import { ANONYMOUS, principalOf } from './principalOf';

describe('principalOf', () => {
  it('reads the principal the auth plugin set', () => {
    expect(principalOf({ principal: { sub: 'agent-7', channel: 'branch', roles: ['agent', 42] } })).toEqual({
      subject: 'agent-7',
      channel: 'branch',
      roles: ['agent'],
    });
  });

  it('records a request without a usable principal as anonymous', () => {
    expect(principalOf({})).toEqual(ANONYMOUS);
    expect(principalOf({ principal: 'agent-7' })).toEqual(ANONYMOUS);
    expect(principalOf({ principal: { sub: '' } })).toEqual(ANONYMOUS);
    expect(principalOf({ principal: { sub: 'x' } })).toEqual({ subject: 'x', channel: null, roles: [] });
  });
});
