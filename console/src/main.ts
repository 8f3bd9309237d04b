/**
 * The agents' and auditors' console: sign in with a token, find a customer, see the 360 view
 * and where each profile value comes from, the discrepancy report and (auditors) the audit
 * trail. Plain DOM over the gateway's /graphql on the same origin; bundled by
 * console/buildConsole.ts and served by the gateway at /console.
 */
import './console.css';
import { h, replaceChildren } from './dom';
import { parseRoute } from './route';
import { endSession, hasRole, loadSession, type Session } from './session';
import { BANK_TIME_ZONE } from './format';
import { isExpired } from './tokenClaims';
import { auditTrailAvailable, auditTrailView } from './views/auditTrailView';
import type { ViewContext } from './views/common';
import { customerView, forgetCustomer } from './views/customerView';
import { discrepancyView, filterFromQuery } from './views/discrepancyView';
import { reviewQueueView } from './views/reviewQueueView';
import { searchView } from './views/searchView';
import { signInView } from './views/signInView';

const root = document.getElementById('app')!;
let session: Session | undefined = loadSession();
let showAudit = false;
let lastCustomerId = '';

function signOut(reason?: string): void {
  endSession();
  forgetCustomer();
  session = undefined;
  showAudit = false;
  render(reason);
}

function signedIn(next: Session): void {
  session = next;
  showAudit = false;
  if (!location.hash || location.hash === '#') location.hash = '#/search';
  render();
  // The audit tab appears once the gateway confirms the caller may read the trail.
  void auditTrailAvailable(next).then((available) => {
    if (session !== next || !available) return;
    showAudit = true;
    render();
  });
}

function render(reason?: string): void {
  if (!session) {
    replaceChildren(root, header(undefined), signInView(signedIn, reason));
    return;
  }
  if (session.claims && isExpired(session.claims, Date.now())) {
    signOut('Your token has expired: paste a new one.');
    return;
  }
  const context: ViewContext = {
    session,
    navigate: (route) => {
      if (location.hash === route) render();
      else location.hash = route;
    },
    signOut,
  };
  const route = parseRoute(location.hash);
  let screen: HTMLElement;
  if (route.screen === 'customer') {
    lastCustomerId = route.id;
    screen = customerView(context, route.id, route.tab);
  } else if (route.screen === 'discrepancies') {
    screen = discrepancyView(context, filterFromQuery(route.query));
  } else if (route.screen === 'review' && mayReview(session)) {
    screen = reviewQueueView(context);
  } else if (route.screen === 'audit' && showAudit) {
    screen = auditTrailView(context, { customerId: route.query.get('customer') ?? lastCustomerId, from: route.query.get('from') ?? '', to: route.query.get('to') ?? '' });
  } else {
    screen = searchView(context, route.screen === 'search' ? route.text : '');
  }
  replaceChildren(root, header(session, route.screen), screen);
  document.title = `${screen.querySelector('h2')?.textContent ?? 'Console'} · Unified View`;
}

function header(current: Session | undefined, screen?: string): HTMLElement {
  const link = (href: string, label: string, id: string, active: boolean) => h('a', { href, id, class: active ? 'active' : undefined, 'aria-current': active ? 'page' : undefined }, label);
  return h(
    'header',
    { class: 'top' },
    h('h1', {}, h('a', { href: '#/search' }, 'Unified View'), h('span', { class: 'subtitle' }, 'console')),
    current
      ? h(
          'nav',
          { class: 'main-nav', 'aria-label': 'Screens' },
          link('#/search', 'Customers', 'nav-customers', screen === 'search' || screen === 'customer'),
          link('#/discrepancies', 'Discrepancies', 'nav-discrepancies', screen === 'discrepancies'),
          mayReview(current) ? link('#/review', 'Review queue', 'nav-review', screen === 'review') : null,
          showAudit ? link(`#/audit${lastCustomerId ? `?customer=${encodeURIComponent(lastCustomerId)}` : ''}`, 'Audit trail', 'nav-audit', screen === 'audit') : null,
          h('a', { href: '/explorer', id: 'nav-explorer' }, 'GraphQL explorer'),
        )
      : null,
    current
      ? h(
          'div',
          { class: 'who', id: 'whoami' },
          current.claims
            ? [h('span', { class: 'subject' }, current.claims.subject), current.claims.roles.map((r) => h('span', { class: 'badge role' }, r)), current.claims.channel ? h('small', {}, ` via ${current.claims.channel}`) : null]
            : h('span', { class: 'subject' }, 'no token (development gateway)'),
          h('small', { class: 'zone', id: 'time-zone', title: 'Every time on these screens is on this clock' }, `Times: ${BANK_TIME_ZONE}`),
          h('button', { type: 'button', class: 'secondary small', id: 'sign-out', onclick: () => signOut() }, 'Sign out'),
        )
      : null,
  );
}

/** The review queue is for data stewards (who decide) and auditors (who read); the gateway enforces it. */
function mayReview(current: Session): boolean {
  return !current.claims || hasRole(current, 'data-steward') || hasRole(current, 'auditor');
}

window.addEventListener('hashchange', () => render());
if (session) signedIn(session);
else render();
