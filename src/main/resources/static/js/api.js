// The JSON APIs, called the way Spring Security expects from scripts: the XSRF-TOKEN cookie's
// value goes back as the X-XSRF-TOKEN header on every state-changing request.

export class ApiError extends Error {
	constructor(status, code, detail, retryAfter) {
		super(detail || 'Something went wrong. Please try again.');
		this.status = status;
		this.code = code || 'error';
		this.retryAfter = retryAfter;
	}
}

function csrfToken() {
	const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
	return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : null;
}

async function ensureCsrfToken() {
	if (!csrfToken()) {
		// Any response sets the cookie for a client that has none.
		await fetch('/api/me', { credentials: 'same-origin' });
	}
	return csrfToken();
}

/**
 * Calls an API. `json` is sent as a JSON body, `body` (e.g. FormData) as it is.
 * Resolves with the parsed JSON (or null for 204); rejects with an ApiError whose message is
 * the server's sentence for a person.
 */
export async function api(path, { method = 'GET', json, body, signal } = {}) {
	const headers = { Accept: 'application/json' };
	if (method !== 'GET' && method !== 'HEAD') {
		const token = await ensureCsrfToken();
		if (token) {
			headers['X-XSRF-TOKEN'] = token;
		}
	}
	if (json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(json);
	}
	let response;
	try {
		response = await fetch(path, { method, headers, body, signal, credentials: 'same-origin' });
	}
	catch (error) {
		if (error.name === 'AbortError') {
			throw error;
		}
		throw new ApiError(0, 'network_error', 'We could not reach Wanderframe. Check your connection and try again.');
	}
	if (response.status === 204) {
		return null;
	}
	const type = response.headers.get('Content-Type') || '';
	const data = type.includes('json') ? await response.json().catch(() => null) : null;
	if (!response.ok) {
		if (response.status === 401 && data && data.code === 'unauthenticated') {
			window.location.assign('/signin');
		}
		const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
		throw new ApiError(response.status, data && data.code, data && (data.detail || data.title), retryAfter);
	}
	return data;
}

/** "1 credit", "5 credits". */
export function credits(n) {
	return `${n} ${n === 1 ? 'credit' : 'credits'}`;
}
