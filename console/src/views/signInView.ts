import { h } from '../dom';
import { startSession, type Session } from '../session';
import { UnreadableTokenError } from '../tokenClaims';

/**
 * Sign-in: paste a bearer token. The console only reads its claims to show who is signed in;
 * the gateway verifies it on every request. "Continue without a token" is for a development
 * gateway started with authentication off.
 */
export function signInView(onSignedIn: (session: Session) => void, reason?: string): HTMLElement {
  const input = h('textarea', { id: 'token', name: 'token', rows: '5', spellcheck: 'false', autocomplete: 'off', placeholder: 'eyJhbGciOiJIUzI1NiJ9...' });
  const message = h('p', { class: 'form-error', role: 'alert' }, reason ?? '');
  const submit = (withToken: boolean) => {
    try {
      onSignedIn(startSession(withToken ? input.value : undefined));
    } catch (error) {
      message.textContent = error instanceof UnreadableTokenError ? error.message : 'That token could not be read.';
    }
  };
  return h(
    'main',
    { class: 'sign-in' },
    h('h2', {}, 'Sign in'),
    h('p', {}, 'Paste your bearer token. The gateway checks it on every request; your role decides which fields you see.'),
    h(
      'form',
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          submit(true);
        },
      },
      h('label', { for: 'token' }, 'Token'),
      input,
      message,
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'sign-in' }, 'Sign in'), h('button', { type: 'button', class: 'secondary', id: 'no-token', onclick: () => submit(false) }, 'Continue without a token')),
    ),
    h(
      'details',
      { class: 'help', open: true },
      h('summary', {}, 'Development: get a token'),
      h('p', {}, 'On the machine running the gateway (the token is the last line printed):'),
      h('pre', {}, 'npm run token -- --role call-center-agent'),
      h('p', {}, 'Roles: teller, mobile-app, call-center-agent, relationship-manager, auditor, data-steward, integration. Auditors also see the audit trail.'),
    ),
  );
}
