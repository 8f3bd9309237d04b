/** The console's screens, addressed by the URL hash so the back button and links work. */
export type Route =
  | { screen: 'search'; text: string }
  | { screen: 'customer'; id: string; tab: 'overview' | 'sources' }
  | { screen: 'discrepancies'; query: URLSearchParams }
  | { screen: 'audit'; query: URLSearchParams }
  | { screen: 'review' };

/** `#/customer/cust_1/sources` -> the route; anything unknown is the search screen. */
export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const query = new URLSearchParams(search);
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'customer' && parts[1]) {
    let id: string;
    try {
      id = decodeURIComponent(parts[1]);
    } catch {
      return { screen: 'search', text: '' };
    }
    return { screen: 'customer', id, tab: parts[2] === 'sources' ? 'sources' : 'overview' };
  }
  if (parts[0] === 'discrepancies') return { screen: 'discrepancies', query };
  if (parts[0] === 'audit') return { screen: 'audit', query };
  if (parts[0] === 'review') return { screen: 'review' };
  return { screen: 'search', text: query.get('q') ?? '' };
}
