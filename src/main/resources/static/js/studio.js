// The studio: five steps from a photo to a video. Every generation lives on the server; the
// page keeps the ids it follows in the URL (/studio?video=<id>), so a reload, a closed tab or a
// second device picks up exactly where the person was.
import { api, credits } from './api.js';
import { bus } from './bus.js';
import { currentBalance } from './page.js';
import { VideoPlayer } from './player.js';

const $ = (selector, root = document) => root.querySelector(selector);
const step = (n) => $(`[data-step="${n}"]`);
const TERMINAL = ['completed', 'failed'];

const state = {
	photo: null,
	// The person cut out of the photo: { photoId, url } when found, { photoId, url: null } when not.
	cutout: null,
	location: null,
	image: null,
	video: null,
	open: 1,
};

let locations = [];
let templates = [];
let options = null;
let selectedTemplate = null;
let imagePoll = null;
let videoStream = null;
let player = null;

const studioError = $('[data-studio-error]');

function showStudioError(message) {
	studioError.textContent = message;
	studioError.hidden = !message;
}

// ---------------------------------------------------------------- state → page

function isCompleted(item) {
	return item && item.status === 'completed';
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
		states[3] = isCompleted(state.image) ? 'done' : state.image.status === 'failed' ? 'failed' : 'current';
	}
	if (states[3] !== 'done') {
		states[4] = 'locked';
	}
	else if (!state.video) {
		states[4] = 'current';
	}
	else {
		states[4] = isCompleted(state.video) ? 'done' : state.video.status === 'failed' ? 'failed' : 'current';
	}
	states[5] = isCompleted(state.video) ? 'done' : 'locked';
	return states;
}

/** The first step that still needs the person. */
function nextStep() {
	if (!state.photo) return 1;
	if (!state.location) return 2;
	if (!isCompleted(state.image)) return 3;
	if (!isCompleted(state.video)) return 4;
	return 5;
}

const STATE_LABELS = { locked: 'Locked', current: 'Current', done: 'Done', failed: 'Failed' };

function render() {
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
	renderUpload();
	renderImage();
	renderVideo();
	renderDone();
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
			if (state.image.status === 'failed') {
				return show(null, '', `Failed: ${errorMessage(state.image)}`);
			}
			return show(state.image.url, `You at ${locationName()}`, isCompleted(state.image)
				? `You at ${locationName()}` : 'Generating your image…');
		case 4:
			if (!state.video) return false;
			if (state.video.status === 'failed') {
				return show(null, '', `Failed: ${errorMessage(state.video)}`);
			}
			return show(state.video.posterUrl, '', `${state.video.prompt || templateName(state.video.template) || 'Your video'} · ${state.video.duration} s · ${state.video.resolution}`);
		default:
			return false;
	}
}

function locationName() {
	return state.location ? state.location.name : 'your location';
}

function templateName(slug) {
	const template = templates.find((t) => t.slug === slug);
	return template ? template.name : '';
}

function errorMessage(item) {
	return (item.error && item.error.message) || 'Something went wrong.';
}

let restored = false;

function syncUrl() {
	if (!restored) {
		// Until the ids in the URL have been read, they are the truth.
		return;
	}
	const params = new URLSearchParams();
	if (state.video) {
		params.set('video', state.video.id);
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

function open(n, { focus = true } = {}) {
	state.open = n;
	render();
	if (focus) {
		const title = $(`#step${n}-title`);
		title.setAttribute('tabindex', '-1');
		title.focus();
		step(n).scrollIntoView({ block: 'nearest' });
	}
}

// ---------------------------------------------------------------- step 1: upload a photo

const fileInput = $('[data-file-input]');
const dropzone = $('[data-dropzone]');
const uploadStatus = $('[data-upload-status]');
const uploadError = $('[data-upload-error]');
const uploadPreview = $('[data-upload-preview]');
const uploadContinueBox = $('[data-upload-continue-box]');
let uploading = false;
let previewUrl = null;

const cutoutBox = $('[data-cutout]');
const cutoutImage = $('[data-cutout-image]');
const cutoutCaption = $('[data-cutout-caption]');
const NO_PERSON = 'No person was found in this photo, so it will be framed whole in the scene.';
let cutoutLoading = null;

function cutoutFor(photo) {
	return photo && state.cutout && state.cutout.photoId === photo.id ? state.cutout : null;
}

/** Asks once per photo for the person cut out of it; the answer shows in step 1 and step 3. */
async function loadCutout(photo) {
	if (!photo || cutoutFor(photo) || cutoutLoading === photo.id) {
		return;
	}
	cutoutLoading = photo.id;
	try {
		const response = await fetch(`/api/photos/${photo.id}/cutout.png`, { credentials: 'same-origin' });
		if (!state.photo || state.photo.id !== photo.id) return;
		if (response.ok) {
			if (state.cutout && state.cutout.url) URL.revokeObjectURL(state.cutout.url);
			state.cutout = { photoId: photo.id, url: URL.createObjectURL(await response.blob()) };
		}
		else {
			// 404 means nobody is in it; anything else leaves the question open (shown as the photo).
			state.cutout = { photoId: photo.id, url: null, unknown: response.status !== 404 };
		}
		render();
	}
	catch (error) {
		// Without the cut-out the studio still works: the photo shows as it is.
	}
	finally {
		if (cutoutLoading === photo.id) cutoutLoading = null;
	}
}

function renderUpload() {
	if (!uploading && state.photo) {
		uploadPreview.src = state.photo.url;
		uploadPreview.hidden = false;
	}
	uploadContinueBox.hidden = uploading || !state.photo;
	const cutout = uploading ? null : cutoutFor(state.photo);
	cutoutBox.hidden = !state.photo || uploading;
	if (cutout && cutout.url) {
		cutoutImage.src = cutout.url;
		cutoutImage.hidden = false;
		cutoutCaption.textContent = 'This is you: the scene is built around you.';
	}
	else {
		cutoutImage.hidden = true;
		cutoutCaption.textContent = !cutout ? (state.photo ? 'Finding you in the photo…' : '')
			: cutout.unknown ? '' : NO_PERSON;
	}
	loadCutout(state.photo);
}

async function upload(file) {
	if (!file || uploading) {
		return;
	}
	uploading = true;
	uploadError.hidden = true;
	uploadStatus.textContent = `Uploading ${file.name}…`;
	if (previewUrl) URL.revokeObjectURL(previewUrl);
	previewUrl = URL.createObjectURL(file);
	uploadPreview.src = previewUrl;
	uploadPreview.hidden = false;
	uploadContinueBox.hidden = true;
	const body = new FormData();
	body.append('file', file);
	try {
		const photo = await api('/api/photos', { method: 'POST', body });
		uploading = false;
		uploadStatus.textContent = 'Photo uploaded.';
		state.photo = photo;
		state.image = null;
		state.video = null;
		stopFollowing();
		open(state.location ? 3 : 2);
	}
	catch (error) {
		uploading = false;
		uploadStatus.textContent = '';
		uploadError.textContent = error.message;
		uploadError.hidden = false;
		uploadPreview.hidden = true;
		renderUpload();
		if (state.photo) {
			uploadPreview.src = state.photo.url;
		}
	}
	finally {
		fileInput.value = '';
	}
}

fileInput.addEventListener('change', () => upload(fileInput.files[0]));
['dragenter', 'dragover'].forEach((name) => dropzone.addEventListener(name, (event) => {
	event.preventDefault();
	dropzone.dataset.dragging = '';
}));
['dragleave', 'dragend'].forEach((name) => dropzone.addEventListener(name, () => delete dropzone.dataset.dragging));
dropzone.addEventListener('drop', (event) => {
	event.preventDefault();
	delete dropzone.dataset.dragging;
	upload(event.dataTransfer.files[0]);
});
$('[data-upload-continue]').addEventListener('click', () => open(nextStep()));

// ---------------------------------------------------------------- step 2: choose a location

const locationList = $('[data-locations]');
const locationsStatus = $('[data-locations-status]');

async function loadLocations() {
	try {
		locations = await api('/api/locations');
		locationsStatus.textContent = '';
		locationsStatus.hidden = true;
		locationList.replaceChildren(...locations.map((location) => {
			const item = document.createElement('li');
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'location';
			button.dataset.location = location.slug;
			button.setAttribute('aria-pressed', 'false');
			const image = document.createElement('img');
			image.src = location.previewUrl;
			image.alt = '';
			image.loading = 'lazy';
			image.width = 320;
			image.height = 180;
			const text = document.createElement('span');
			text.className = 'location__text';
			const name = document.createElement('span');
			name.className = 'location__name';
			name.textContent = location.name;
			const description = document.createElement('span');
			description.className = 'location__description';
			description.textContent = location.description;
			text.append(name, description);
			button.append(image, text);
			button.addEventListener('click', () => chooseLocation(location));
			item.append(button);
			return item;
		}));
		markChosenLocation();
	}
	catch (error) {
		locationsStatus.textContent = `The places could not be loaded: ${error.message}`;
	}
}

function markChosenLocation() {
	locationList.querySelectorAll('[data-location]').forEach((button) => {
		button.setAttribute('aria-pressed', String(state.location !== null && button.dataset.location === state.location.slug));
	});
}

function chooseLocation(location) {
	if (!state.location || state.location.slug !== location.slug) {
		state.location = location;
		state.image = null;
		state.video = null;
		stopFollowing();
	}
	markChosenLocation();
	open(nextStep());
}

// ---------------------------------------------------------------- step 3: generate the image

const imageStartBox = $('[data-image-start-box]');
const imageStart = $('[data-image-start]');
const imageReason = $('[data-image-reason]');
let startingImage = false;
const imageStatusBox = $('[data-image-status-box]');
const imageStatus = $('[data-image-status]');
const imageError = $('[data-image-error]');
const imageResult = $('[data-image-result]');
const imageDoneBox = $('[data-image-done-box]');
const imageContinue = $('[data-image-continue]');

function renderImage() {
	if (state.photo) {
		const cutout = cutoutFor(state.photo);
		$('[data-image-photo]').src = cutout && cutout.url ? cutout.url : state.photo.url;
	}
	if (state.location) {
		$('[data-image-location]').src = state.location.previewUrl;
		$('[data-image-summary]').textContent = `You, at ${state.location.name}.`;
	}
	const image = state.image;
	const status = image ? image.status : null;
	imageStartBox.hidden = Boolean(image);
	const cost = Number(imageStartBox.dataset.imageCost);
	const balance = currentBalance();
	const short = !image && balance !== null && balance < cost;
	imageReason.textContent = short ? `You need ${credits(cost)} for an image and have ${credits(balance)}.` : '';
	imageStart.disabled = short || startingImage;
	imageStatusBox.hidden = !image || TERMINAL.includes(status);
	imageStatus.textContent = status === 'pending' ? 'Waiting for a free generator…'
		: status === 'processing' ? `Placing you at ${locationName()}…` : '';
	imageResult.hidden = status !== 'completed';
	if (status === 'completed') {
		imageResult.src = image.url;
		imageResult.alt = `You at ${locationName()}`;
	}
	imageError.hidden = status !== 'failed';
	if (status === 'failed') {
		imageError.textContent = errorMessage(image);
	}
	imageDoneBox.hidden = !TERMINAL.includes(status);
	imageContinue.hidden = status !== 'completed';
}

async function startImage() {
	startingImage = true;
	imageStart.disabled = true;
	imageError.hidden = true;
	try {
		const started = await api('/api/images', {
			method: 'POST',
			json: { photoId: state.photo.id, location: state.location.slug },
		});
		bus.emit('credits:changed', started.credits);
		state.image = { ...started, photoId: state.photo.id, location: state.location.slug };
		state.video = null;
		render();
		followImage(started.id);
	}
	catch (error) {
		imageError.textContent = error.message;
		imageError.hidden = false;
	}
	finally {
		startingImage = false;
		renderImage();
	}
}

function followImage(id) {
	if (imagePoll) {
		clearTimeout(imagePoll);
	}
	let delay = 400;
	const poll = async () => {
		if (!state.image || state.image.id !== id) {
			return;
		}
		try {
			const image = await api(`/api/images/${id}`);
			if (!state.image || state.image.id !== id) {
				return;
			}
			state.image = image;
			render();
			if (TERMINAL.includes(image.status)) {
				imagePoll = null;
				if (image.status === 'failed') {
					bus.emit('credits:changed');
				}
				else if (state.open === 3) {
					imageContinue.focus();
				}
				return;
			}
		}
		catch (error) {
			imageStatus.textContent = `Still waiting (${error.message})`;
		}
		delay = Math.min(delay * 1.5, 4000);
		imagePoll = setTimeout(poll, delay);
	};
	imagePoll = setTimeout(poll, delay);
}

imageStart.addEventListener('click', startImage);
$('[data-image-retry]').addEventListener('click', () => {
	state.image = null;
	state.video = null;
	stopFollowing();
	render();
	startImage();
});
imageContinue.addEventListener('click', () => open(4));

// ---------------------------------------------------------------- step 4: generate the video

const videoForm = $('[data-video-form]');
const prompt = $('[data-prompt]');
const counter = $('[data-prompt-counter]');
const templateList = $('[data-templates]');
const templateDescription = $('[data-template-description]');
const durationsBox = $('[data-durations]');
const resolutionsBox = $('[data-resolutions]');
const costText = $('[data-video-cost]');
const reasonText = $('[data-video-reason]');
const buyCredits = $('[data-video-buy]');
const videoStart = $('[data-video-start]');
const videoStatusBox = $('[data-video-status-box]');
const videoStatus = $('[data-video-status]');
const videoProgress = $('[data-video-progress]');
const videoFailedBox = $('[data-video-failed-box]');
const videoErrorText = $('[data-video-error]');
const videoRefund = $('[data-video-refund]');
let submitting = false;

function maxPromptLength() {
	return options ? options.maxPromptLength : 2000;
}

async function loadVideoChoices() {
	try {
		[templates, options] = await Promise.all([api('/api/video/templates'), api('/api/video/options')]);
	}
	catch (error) {
		reasonText.textContent = `Video settings could not be loaded: ${error.message}`;
		return;
	}
	prompt.maxLength = options.maxPromptLength;
	templateList.replaceChildren(...templates.map((template) => {
		const item = document.createElement('li');
		const chip = document.createElement('button');
		chip.type = 'button';
		chip.className = 'chip';
		chip.dataset.template = template.slug;
		chip.textContent = template.name;
		chip.title = template.description;
		chip.setAttribute('aria-pressed', 'false');
		chip.addEventListener('click', () => chooseTemplate(template));
		item.append(chip);
		return item;
	}));
	durationsBox.replaceChildren(...options.durations.map((duration) => radio('duration', String(duration), `${duration} seconds`, duration === options.defaultDuration)));
	resolutionsBox.replaceChildren(...options.resolutions.map((resolution) => radio('resolution', resolution, resolution, resolution === options.defaultResolution)));
	renderVideoForm();
	render();
}

function radio(name, value, text, checked) {
	const label = document.createElement('label');
	const input = document.createElement('input');
	input.type = 'radio';
	input.name = name;
	input.value = value;
	input.checked = checked;
	input.addEventListener('change', renderVideoForm);
	label.append(input, document.createTextNode(text));
	return label;
}

function chooseTemplate(template) {
	// One click picks a camera move; the person's words, if any, are added to it by the server.
	selectTemplate(selectedTemplate && selectedTemplate.slug === template.slug ? null : template.slug);
	renderVideoForm();
}

function selectTemplate(slug) {
	selectedTemplate = templates.find((t) => t.slug === slug) || null;
	templateList.querySelectorAll('[data-template]').forEach((chip) => {
		chip.setAttribute('aria-pressed', String(selectedTemplate !== null && chip.dataset.template === selectedTemplate.slug));
	});
	templateDescription.textContent = selectedTemplate
		? `${selectedTemplate.name}: ${selectedTemplate.description} Add words above to refine it, or leave them out.`
		: '';
}

function chosen(name) {
	const input = videoForm.querySelector(`input[name="${name}"]:checked`);
	return input ? input.value : null;
}

function costOf(duration, resolution) {
	if (!options) return null;
	const entry = options.costs.find((c) => String(c.duration) === String(duration) && c.resolution === resolution);
	return entry ? entry.cost : null;
}

function renderVideoForm() {
	const length = prompt.value.length;
	counter.textContent = `${length} / ${maxPromptLength()}`;
	counter.toggleAttribute('data-over', length > maxPromptLength());
	if (!options) {
		videoStart.disabled = true;
		return;
	}
	// Only combinations with a price exist (1080p is 6 s only).
	const duration = chosen('duration');
	resolutionsBox.querySelectorAll('input').forEach((input) => {
		input.disabled = costOf(duration, input.value) === null;
		input.closest('label').title = input.disabled ? `Not available at ${duration} seconds` : '';
	});
	if (!chosen('resolution') || costOf(duration, chosen('resolution')) === null) {
		const fallback = [...resolutionsBox.querySelectorAll('input')].find((input) => !input.disabled);
		if (fallback) fallback.checked = true;
	}
	const cost = costOf(duration, chosen('resolution'));
	const balance = currentBalance();
	costText.textContent = cost === null ? '' : `This video costs ${credits(cost)}. You have ${credits(balance)}.`;
	let reason = '';
	if (cost !== null && balance < cost) {
		reason = `You need ${credits(cost)} for this video and have ${credits(balance)}. Choose a shorter or smaller video.`;
	}
	else if (!prompt.value.trim() && !selectedTemplate) {
		reason = 'Describe the motion or pick a motion template first.';
	}
	else if (length > maxPromptLength()) {
		reason = `The description is too long: at most ${maxPromptLength()} characters.`;
	}
	reasonText.textContent = reason;
	buyCredits.hidden = !(cost !== null && balance < cost);
	videoStart.disabled = Boolean(reason) || submitting;
}

prompt.addEventListener('input', renderVideoForm);
bus.on('credits:balance', () => {
	renderVideoForm();
	renderImage();
});

videoForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	if (videoStart.disabled) {
		return;
	}
	submitting = true;
	videoStart.disabled = true;
	const request = {
		imageId: state.image.id,
		prompt: prompt.value.trim(),
		duration: Number(chosen('duration')),
		resolution: chosen('resolution'),
	};
	if (selectedTemplate) {
		request.template = selectedTemplate.slug;
	}
	try {
		const started = await api('/api/video/generate', { method: 'POST', json: request });
		bus.emit('credits:changed', started.credits);
		state.video = { ...request, ...started, progress: 0 };
		render();
		followVideo(started.id);
	}
	catch (error) {
		const wait = error.retryAfter ? ` Try again in ${error.retryAfter} seconds.` : '';
		reasonText.textContent = error.message + wait;
		bus.emit('credits:changed');
	}
	finally {
		submitting = false;
		renderVideoForm();
	}
});

function renderVideo() {
	const video = state.video;
	const status = video ? video.status : null;
	videoForm.hidden = Boolean(video);
	videoStatusBox.hidden = !video || TERMINAL.includes(status);
	videoFailedBox.hidden = status !== 'failed';
	if (state.image && state.image.url) {
		$('[data-video-image]').src = state.image.url;
	}
	if (video && !TERMINAL.includes(status)) {
		const progress = Math.max(0, Math.min(100, video.progress || 0));
		videoProgress.value = progress;
		videoProgress.setAttribute('aria-valuetext', `${progress}%`);
		videoStatus.textContent = status === 'pending' ? 'Queued: your video starts in a moment…'
			: `Generating your video… ${progress}%`;
	}
	if (status === 'failed') {
		videoErrorText.textContent = errorMessage(video);
	}
}

function stopFollowing() {
	if (videoStream) {
		videoStream.close();
		videoStream = null;
	}
	if (imagePoll) {
		clearTimeout(imagePoll);
		imagePoll = null;
	}
}

/** Live status over Server-Sent Events; falls back to polling if the stream is refused. */
function followVideo(id) {
	if (videoStream) {
		videoStream.close();
	}
	const stream = new EventSource(`/api/video/${id}/events`);
	videoStream = stream;
	stream.addEventListener('status', (event) => {
		const video = JSON.parse(event.data);
		if (!state.video || state.video.id !== video.id) {
			stream.close();
			return;
		}
		applyVideo(video);
		if (TERMINAL.includes(video.status)) {
			stream.close();
			if (videoStream === stream) videoStream = null;
		}
	});
	stream.addEventListener('error', () => {
		if (stream.readyState === EventSource.CLOSED && videoStream === stream) {
			videoStream = null;
			pollVideo(id, 1000);
		}
	});
}

async function pollVideo(id, delay) {
	if (!state.video || state.video.id !== id || TERMINAL.includes(state.video.status)) {
		return;
	}
	try {
		applyVideo(await api(`/api/video/${id}`));
	}
	catch (error) {
		videoStatus.textContent = `Still waiting (${error.message})`;
	}
	if (!TERMINAL.includes(state.video.status)) {
		setTimeout(() => pollVideo(id, Math.min(delay * 1.5, 5000)), delay);
	}
}

async function applyVideo(video) {
	const was = state.video ? state.video.status : null;
	state.video = video;
	if (video.status === 'completed' && was !== 'completed') {
		state.open = 5;
		render();
		$('#step5-title').setAttribute('tabindex', '-1');
		$('#step5-title').focus();
		return;
	}
	render();
	if (video.status === 'failed' && was !== 'failed') {
		videoRefund.textContent = `We refunded the ${credits(video.cost)} this video cost.`;
		try {
			const me = await api('/api/me');
			bus.emit('credits:changed', me.credits);
			videoRefund.textContent = `We refunded the ${credits(video.cost)} this video cost. Your balance is ${credits(me.credits)}.`;
		}
		catch (error) {
			bus.emit('credits:changed');
		}
	}
}

$('[data-video-retry]').addEventListener('click', () => {
	// Same image, same words: the form is still filled in.
	state.video = null;
	stopFollowing();
	open(4);
	renderVideoForm();
	prompt.focus();
});

/** Puts a past generation's words, template, duration and resolution back into the form. */
function refill(video) {
	if (!video) {
		return;
	}
	prompt.value = video.prompt || '';
	selectTemplate(video.template || null);
	const check = (name, value) => {
		const input = videoForm.querySelector(`input[name="${name}"][value="${value}"]`);
		if (input) input.checked = true;
	};
	check('duration', String(video.duration));
	check('resolution', video.resolution);
	renderVideoForm();
}

// ---------------------------------------------------------------- step 5: done

function renderDone() {
	const video = state.video;
	if (!isCompleted(video)) {
		if (player) {
			player.destroy();
			player = null;
		}
		return;
	}
	if (!player || player.videoId !== video.id) {
		if (player) player.destroy();
		player = new VideoPlayer($('[data-done-player]'), {
			src: video.videoUrl,
			poster: video.posterUrl,
			downloadUrl: video.downloadUrl,
			title: `You at ${locationName()}`,
		});
		player.videoId = video.id;
	}
	$('[data-done-download]').href = video.downloadUrl;
	$('[data-done-prompt]').textContent = video.prompt ? `“${video.prompt}”` : '';
}

$('[data-done-another]').addEventListener('click', () => {
	// Same image, new motion: the last words stay as a starting point.
	refill(state.video);
	state.video = null;
	open(4);
	renderVideoForm();
	prompt.focus();
});
$('[data-done-restart]').addEventListener('click', () => {
	if (state.video) {
		localStorage.setItem(DISMISSED, state.video.id);
	}
	stopFollowing();
	state.photo = null;
	state.location = null;
	state.image = null;
	state.video = null;
	uploadPreview.hidden = true;
	uploadStatus.textContent = '';
	markChosenLocation();
	open(1);
});

// ---------------------------------------------------------------- going back

[1, 2, 3, 4].forEach((n) => {
	$('[data-change]', step(n)).addEventListener('click', () => {
		if (n === 3) {
			// Back to step 3 shows the image with "try again"; nothing is lost until they choose.
			open(3);
		}
		else if (n === 4) {
			refill(state.video);
			state.video = null;
			stopFollowing();
			open(4);
			renderVideoForm();
		}
		else {
			open(n);
		}
	});
});

// ---------------------------------------------------------------- restoring from the server

const RECENT_MS = 10 * 60 * 1000;
const DISMISSED = 'wanderframe.dismissedVideo';

/**
 * With no id in the URL: a generation still running (started in another tab, on another device,
 * or in a tab that was closed) comes back here, and so does one that finished in the last few
 * minutes, unless the person has already moved on from it ("Start over").
 */
async function recoverableVideo() {
	const recent = await api('/api/video?page=0&size=5').catch(() => ({ items: [] }));
	const running = recent.items.find((v) => !TERMINAL.includes(v.status));
	if (running) {
		return running.id;
	}
	const latest = recent.items[0];
	if (latest && localStorage.getItem(DISMISSED) !== latest.id) {
		const finishedAt = Date.parse(latest.completedAt || latest.updatedAt);
		if (Date.now() - finishedAt < RECENT_MS) {
			return latest.id;
		}
	}
	return null;
}

async function restore() {
	const params = new URLSearchParams(window.location.search);
	let videoId = params.get('video');
	let imageId = params.get('image');
	let photoId = params.get('photo');
	let slug = params.get('location');
	try {
		if (!videoId && !imageId && !photoId) {
			videoId = await recoverableVideo();
		}
		if (videoId) {
			state.video = await api(`/api/video/${videoId}`);
			imageId = state.video.imageId;
		}
		if (imageId) {
			state.image = await api(`/api/images/${imageId}`);
			photoId = state.image.photoId;
			slug = state.image.location;
		}
		if (photoId) {
			state.photo = await api(`/api/photos/${photoId}`);
		}
		if (slug) {
			state.location = locations.find((l) => l.slug === slug) || null;
		}
	}
	catch (error) {
		showStudioError(`We could not reopen that generation: ${error.message}`);
		state.video = null;
	}
	restored = true;
	markChosenLocation();
	refill(state.video);
	state.open = nextStep();
	if (state.video && !isCompleted(state.video) && state.video.status !== 'failed') {
		state.open = 4;
	}
	render();
	if (state.image && !TERMINAL.includes(state.image.status)) {
		followImage(state.image.id);
	}
	if (state.video && !TERMINAL.includes(state.video.status)) {
		followVideo(state.video.id);
	}
}

async function start() {
	render();
	await Promise.all([loadLocations(), loadVideoChoices()]);
	await restore();
	document.body.dataset.ready = '';
}

start();
