// What every page has: the header's balance kept current, and sign-out.
import { api } from './api.js';
import { bus } from './bus.js';

const amount = document.querySelector('[data-credits]');
const unit = document.querySelector('[data-credits-unit]');

export function showBalance(value) {
	if (!amount) {
		return;
	}
	amount.textContent = String(value);
	if (unit) {
		unit.textContent = value === 1 ? 'credit' : 'credits';
	}
	amount.closest('[data-balance]').dataset.value = String(value);
	bus.emit('credits:balance', value);
}

/** The balance as the header shows it, or null for a signed-out visitor. */
export function currentBalance() {
	return amount ? Number(amount.textContent) : null;
}

let refreshing = null;

async function refreshBalance(known) {
	if (!amount) {
		return;
	}
	if (typeof known === 'number') {
		showBalance(known);
	}
	// Always confirm with the server: a refund or a charge on another device also counts.
	if (refreshing) {
		refreshing.abort();
	}
	refreshing = new AbortController();
	try {
		const me = await api('/api/me', { signal: refreshing.signal });
		showBalance(me.credits);
	}
	catch (error) {
		// A failed refresh leaves the last known balance; the next change tries again.
	}
}

bus.on('credits:changed', refreshBalance);

const signOut = document.querySelector('[data-signout]');
if (signOut) {
	signOut.addEventListener('click', async () => {
		signOut.disabled = true;
		try {
			await api('/api/auth/signout', { method: 'POST' });
		}
		finally {
			window.location.assign('/');
		}
	});
}
