// Buying credits: a pack's button starts a Stripe Checkout; back from Stripe, the page follows
// the purchase and says the credits were added only once the server has them in the ledger.
import { api, credits } from './api.js';
import { showBalance } from './page.js';

const error = document.querySelector('[data-credits-error]');
const status = document.querySelector('[data-purchase-status]');
const params = new URLSearchParams(window.location.search);

function showError(message) {
	error.textContent = message;
	error.hidden = false;
}

document.querySelectorAll('button[data-buy]').forEach((button) => {
	button.addEventListener('click', async () => {
		error.hidden = true;
		button.disabled = true;
		try {
			const checkout = await api('/api/credits/checkout', { method: 'POST', json: { pack: button.dataset.buy } });
			window.location.assign(checkout.url);
		}
		catch (failure) {
			showError(failure.message);
			button.disabled = false;
		}
	});
});

if (params.get('canceled')) {
	const canceled = document.querySelector('[data-canceled]');
	if (canceled) {
		canceled.hidden = false;
	}
}

const POLL_EVERY_MS = 1000;
const PATIENT_FOR_MS = 60_000;

function say(title, text, state) {
	status.querySelector('[data-purchase-title]').textContent = title;
	status.querySelector('[data-purchase-text]').textContent = text;
	status.dataset.state = state;
}

async function follow(purchaseId) {
	status.hidden = false;
	const started = Date.now();
	for (;;) {
		let purchase;
		try {
			purchase = await api(`/api/credits/purchases/${encodeURIComponent(purchaseId)}`);
		}
		catch (failure) {
			say('We could not check this payment', failure.message, 'error');
			return;
		}
		if (purchase.status === 'fulfilled' || purchase.status === 'refunded' || purchase.status === 'disputed') {
			showBalance(purchase.balance);
			say('Payment received, credits added',
				`${credits(purchase.credits)} are in your balance. You now have ${credits(purchase.balance)}.`, 'fulfilled');
			status.querySelector('[data-purchase-next]').hidden = false;
			status.querySelector('[data-purchase-title]').focus();
			return;
		}
		if (purchase.status === 'expired' || purchase.status === 'failed') {
			say('This payment did not go through', 'Nothing was charged. You can try again below.', 'error');
			return;
		}
		if (Date.now() - started > PATIENT_FOR_MS) {
			// Stripe may still be confirming (some payment methods take longer); the credits arrive
			// on their own when it does, even if this page is closed.
			say('Still confirming your payment',
				'Your credits will be added as soon as Stripe confirms the payment, even if you close this page.', 'waiting');
		}
		await new Promise((resolve) => { setTimeout(resolve, POLL_EVERY_MS); });
	}
}

const purchaseId = params.get('purchase');
if (status && purchaseId && window.location.pathname === '/credits/return') {
	follow(purchaseId);
}

document.body.dataset.ready = '';
