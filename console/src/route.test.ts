import { parseRoute } from './route';

describe('parseRoute', () => {
  it('reads each screen from the hash', () => {
    expect(parseRoute('#/customer/cust_1%2Fx/sources')).toEqual({ screen: 'customer', id: 'cust_1/x', tab: 'sources' });
    expect(parseRoute('#/customer/cust_1')).toEqual({ screen: 'customer', id: 'cust_1', tab: 'overview' });
    expect(parseRoute('#/search?q=ann%20lee')).toEqual({ screen: 'search', text: 'ann lee' });
    const report = parseRoute('#/discrepancies?field=EMAIL&systems=CARDS,ERP');
    expect(report.screen === 'discrepancies' && report.query.get('systems')).toBe('CARDS,ERP');
    expect(parseRoute('#/review')).toEqual({ screen: 'review' });
  });

  it('falls back to search for an empty or unknown hash, and for a malformed id', () => {
    expect(parseRoute('')).toEqual({ screen: 'search', text: '' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'search', text: '' });
    expect(parseRoute('#/customer/%E0%A4%A')).toEqual({ screen: 'search', text: '' });
  });
});
