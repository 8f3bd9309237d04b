import { ANONYMOUS, principalOf } from './principalOf';

describe('principalOf', () => {
  it('reads the principal useAuthentication set', () => {
    expect(principalOf({ principal: { subject: 'agent-7', channel: 'branch', roles: ['teller', 42] } })).toEqual({
      subject: 'agent-7',
      channel: 'branch',
      roles: ['teller'],
    });
  });

  it('reads a claims-shaped principal too', () => {
    expect(principalOf({ principal: { sub: 'x' } })).toEqual({ subject: 'x', channel: null, roles: [] });
  });

  it('records a request without a usable principal as anonymous', () => {
    expect(principalOf({})).toEqual(ANONYMOUS);
    expect(principalOf({ principal: 'agent-7' })).toEqual(ANONYMOUS);
    expect(principalOf({ principal: { subject: '' } })).toEqual(ANONYMOUS);
  });
});
