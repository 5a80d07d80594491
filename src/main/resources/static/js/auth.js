// Sign-in and sign-up forms: checked in the browser first, then the server's answer shown
// beside the field it is about.
import { api } from './api.js';
import './page.js';

const form = document.querySelector('[data-auth-form]');
const mode = form.dataset.authForm;
const formError = form.querySelector('[data-form-error]');
const submit = form.querySelector('button[type="submit"]');

const FIELD_OF_CODE = {
	invalid_email: 'email',
	email_taken: 'email',
	invalid_password: 'password',
	weak_password: 'password',
	invalid_credentials: 'password',
};

function setFieldError(name, message) {
	const input = form.elements[name];
	const slot = form.querySelector(`[data-field-error="${name}"]`);
	slot.textContent = message || '';
	if (message) {
		input.setAttribute('aria-invalid', 'true');
	}
	else {
		input.removeAttribute('aria-invalid');
	}
}

// With mail configured the welcome credits wait for the emailed link: say so instead of leaving.
function showVerificationNotice(address) {
	const notice = document.querySelector('[data-verify-notice]');
	notice.querySelector('[data-verify-address]').textContent = address;
	form.hidden = true;
	notice.hidden = false;
	notice.querySelector('h2').focus();
}

function clearErrors() {
	setFieldError('email', '');
	setFieldError('password', '');
	formError.textContent = '';
	formError.hidden = true;
}

function checkLocally(email, password) {
	const errors = {};
	if (!email) {
		errors.email = 'Enter your email address.';
	}
	else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
		errors.email = 'Enter an email address like name@example.com.';
	}
	if (!password) {
		errors.password = 'Enter your password.';
	}
	else if (mode === 'signup' && password.length < 8) {
		errors.password = 'Use at least 8 characters.';
	}
	return errors;
}

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	clearErrors();
	const email = form.elements.email.value.trim();
	const password = form.elements.password.value;
	const errors = checkLocally(email, password);
	if (Object.keys(errors).length > 0) {
		Object.entries(errors).forEach(([name, message]) => setFieldError(name, message));
		form.elements[Object.keys(errors)[0]].focus();
		return;
	}
	submit.disabled = true;
	try {
		const account = await api(`/api/auth/${mode}`, { method: 'POST', json: { email, password } });
		if (mode === 'signup' && account && account.awaitingVerification) {
			showVerificationNotice(account.email);
			return;
		}
		window.location.assign('/studio');
	}
	catch (error) {
		const field = FIELD_OF_CODE[error.code];
		if (field) {
			setFieldError(field, error.message);
			form.elements[field].focus();
		}
		else {
			formError.textContent = error.message;
			formError.hidden = false;
		}
		submit.disabled = false;
	}
});
