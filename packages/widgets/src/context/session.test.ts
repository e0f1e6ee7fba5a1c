import { expect } from '@open-wc/testing';
import { ClientSession } from './session.js';

describe('ClientSession', () => {
  it('announces sign-in and sign-out, and holds the token only in memory', () => {
    const session = new ClientSession();
    let changes = 0;
    session.addEventListener('change', () => changes++);
    session.signIn('tok');
    expect([session.signedIn, session.token]).to.deep.equal([true, 'tok']);
    session.signOut();
    session.signOut(); // already out: no second event
    expect([session.signedIn, session.token, changes]).to.deep.equal([false, null, 2]);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('ends by itself at expiresAt', async () => {
    const session = new ClientSession();
    session.signIn('tok', new Date(Date.now() + 30));
    expect(session.signedIn).to.equal(true);
    await new Promise((r) => setTimeout(r, 80));
    expect(session.signedIn).to.equal(false);
  });
});
