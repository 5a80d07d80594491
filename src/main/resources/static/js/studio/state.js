// What the studio shows, in one place: the generation being made and which step is open. Steps
// register how they draw themselves (onRender) and what they follow (onStop); every change
// goes through render(), which also keeps the URL in step (/studio?video=<id>), so a reload or
// a second device picks up exactly where the person was.
import { $ } from '../dom.js';
import { errorMessage, isCompleted, isFailed } from '../status.js';

export const state = {
	photo: null,
	// The person cut out of the photo: { photoId, url } when found, { photoId, url: null } when not.
	cutout: null,
	location: null,
	image: null,
	video: null,
	/** The finished video step 4 continues from its last frame, or null. */
	continueFrom: null,
	open: 1,
	locations: [],
	templates: [],
	/** The catalogue as GET /api/models gives it, by kind. */
	models: { image: [], video: [] },
	/** Until the ids in the URL have been read, they are the truth. */
	restored: false,
};

export const step = (n) => $(`[data-step="${n}"]`);

const renderers = [];
const stoppers = [];

export function onRender(draw) {
	renderers.push(draw);
}

export function onStop(stop) {
	stoppers.push(stop);
}

/** Stops following every generation (polls, event streams). */
export function stopFollowing() {
	stoppers.forEach((stop) => stop());
}

const studioError = $('[data-studio-error]');

export function showStudioError(message) {
	studioError.textContent = message;
	studioError.hidden = !message;
}

export const NO_PERSON = 'No person was found in this photo, so it will be framed whole in the scene.';

/** The cut-out of this photo, once asked for. */
export function cutoutFor(photo) {
	return photo && state.cutout && state.cutout.photoId === photo.id ? state.cutout : null;
}

export function locationName() {
	return state.location ? state.location.name : 'your location';
}

export function templateName(slug) {
	const template = state.templates.find((t) => t.slug === slug);
	return template ? template.name : '';
}

export function modelName(kind, id) {
	const model = state.models[kind].find((m) => m.id === id);
	return model ? model.name : id;
}

function stepStates() {
	const states = {};
	states[1] = state.photo ? 'done' : 'current';
	states[2] = !state.photo ? 'locked' : state.location ? 'done' : 'current';
	if (!state.photo || !state.location) {
		states[3] = 'locked';
	}
	else if (!state.image) {
		states[3] = 'current';
	}
	else {
		states[3] = isCompleted(state.image) ? 'done' : isFailed(state.image) ? 'failed' : 'current';
	}
	if (states[3] !== 'done') {
		states[4] = 'locked';
	}
	else if (!state.video) {
		states[4] = 'current';
	}
	else {
		states[4] = isCompleted(state.video) ? 'done' : isFailed(state.video) ? 'failed' : 'current';
	}
	states[5] = isCompleted(state.video) ? 'done' : 'locked';
	return states;
}

/** The first step that still needs the person. */
export function nextStep() {
	if (!state.photo) return 1;
	if (!state.location) return 2;
	if (!isCompleted(state.image)) return 3;
	if (!isCompleted(state.video)) return 4;
	return 5;
}

const STATE_LABELS = { locked: 'Locked', current: 'Current', done: 'Done', failed: 'Failed' };

export function render() {
	const states = stepStates();
	for (let n = 1; n <= 5; n++) {
		const card = step(n);
		const s = states[n];
		card.dataset.state = s;
		$('[data-step-state]', card).textContent = STATE_LABELS[s];
		if (n === state.open) {
			card.setAttribute('aria-current', 'step');
		}
		else {
			card.removeAttribute('aria-current');
		}
		$('[data-body]', card).hidden = n !== state.open;
		const summary = $('[data-summary]', card);
		if (summary) {
			summary.hidden = n === state.open || s === 'locked' || !fillSummary(n, summary);
		}
	}
	renderers.forEach((draw) => draw());
	syncUrl();
}

function fillSummary(n, summary) {
	const image = $('[data-summary-image]', summary);
	const text = $('[data-summary-text]', summary);
	const show = (src, alt, words) => {
		image.hidden = !src;
		if (src) {
			image.src = src;
			image.alt = alt;
		}
		text.textContent = words;
		return true;
	};
	switch (n) {
		case 1:
			if (!state.photo) return false;
			if (cutoutFor(state.photo) && cutoutFor(state.photo).url) {
				return show(cutoutFor(state.photo).url, 'You, cut out of your photo', 'This is you');
			}
			if (cutoutFor(state.photo) && !cutoutFor(state.photo).unknown) {
				return show(state.photo.url, 'Your photo', NO_PERSON);
			}
			return show(state.photo.url, 'Your photo', 'Your photo');
		case 2:
			return state.location ? show(state.location.previewUrl, '', state.location.name) : false;
		case 3:
			if (!state.image) return false;
			if (isFailed(state.image)) {
				return show(null, '', `Failed: ${errorMessage(state.image)}`);
			}
			return show(state.image.url, `You at ${locationName()}`, isCompleted(state.image)
				? `You at ${locationName()}` : 'Generating your image…');
		case 4:
			if (!state.video) return false;
			if (isFailed(state.video)) {
				return show(null, '', `Failed: ${errorMessage(state.video)}`);
			}
			return show(state.video.posterUrl, '', `${state.video.prompt || templateName(state.video.template) || 'Your video'} · ${state.video.duration} s · ${state.video.resolution}`);
		default:
			return false;
	}
}

function syncUrl() {
	if (!state.restored) {
		return;
	}
	const params = new URLSearchParams();
	if (state.video) {
		params.set('video', state.video.id);
	}
	else if (state.image && state.image.reopen) {
		// A continued video's first frame is a still, not a step-3 image: reopen it through its video.
		params.set('video', state.image.reopen);
		params.set('tweak', '');
	}
	else if (state.image) {
		params.set('image', state.image.id);
	}
	else {
		if (state.photo) params.set('photo', state.photo.id);
		if (state.location) params.set('location', state.location.slug);
	}
	const query = params.toString();
	const url = query ? `/studio?${query}` : '/studio';
	if (window.location.pathname + window.location.search !== url) {
		window.history.replaceState(null, '', url);
	}
}

export function open(n, { focus = true } = {}) {
	state.open = n;
	render();
	if (focus) {
		const title = $(`#step${n}-title`);
		title.setAttribute('tabindex', '-1');
		title.focus();
		step(n).scrollIntoView({ block: 'nearest' });
	}
}
