// Step 4: generate the video. The person picks a model; the form then offers exactly what that
// model can do (durations, resolutions, end frame, sound, prompt optimizer, what to avoid,
// aspect ratio) and recomputes the price on every change, from the catalogue's prices.
import { api, credits } from '../api.js';
import { bus } from '../bus.js';
import { $, chosen, el, radio } from '../dom.js';
import { currentBalance } from '../page.js';
import { COMPLETED, PENDING, errorMessage, isCompleted, isFailed, isTerminal, queuedText } from '../status.js';
import { defaultModel, drawPicker, typicalTime } from './models.js';
import { onRender, onStop, open, render, state, stopFollowing } from './state.js';
import { renderBatch, setUpBatch } from './batch.js';
import { cameraRequest, refillCamera, setCameraSeconds, setUpCamera, showCamera } from './camera.js';

const videoForm = $('[data-video-form]');
const prompt = $('[data-prompt]');
const counter = $('[data-prompt-counter]');
const templateList = $('[data-templates]');
const templateDescription = $('[data-template-description]');
// the words only the local renderer understands: no hosted model reads them
const localWords = $('[data-local-words]');
const modelsBox = $('[data-video-models]');
const durationsBox = $('[data-durations]');
const resolutionsBox = $('[data-resolutions]');
const endFrameBox = $('[data-end-frame-box]');
const endFrame = $('[data-end-frame]');
const endFrameHint = $('[data-end-frame-hint]');
const audioBox = $('[data-audio-box]');
const audio = $('[data-audio]');
const optimizerBox = $('[data-prompt-optimizer-box]');
const optimizer = $('[data-prompt-optimizer]');
const negativeBox = $('[data-negative-box]');
const negative = $('[data-negative-prompt]');
const aspectBox = $('[data-aspect-box]');
const aspectRatios = $('[data-aspect-ratios]');
const costText = $('[data-video-cost]');
const reasonText = $('[data-video-reason]');
const buyCredits = $('[data-video-buy]');
const videoStart = $('[data-video-start]');
const videoStatusBox = $('[data-video-status-box]');
const videoStatus = $('[data-video-status]');
const videoTypical = $('[data-video-typical]');
const videoProgress = $('[data-video-progress]');
const videoFailedBox = $('[data-video-failed-box]');
const videoErrorText = $('[data-video-error]');
const videoRefund = $('[data-video-refund]');
const continueNote = $('[data-continue-note]');
const MAX_PROMPT = 2000;
let selectedTemplate = null;
let model = null;
let submitting = false;
let videoStream = null;
let endFrames = null;

onStop(() => {
	if (videoStream) {
		videoStream.close();
		videoStream = null;
	}
});

export async function loadVideoChoices() {
	try {
		state.templates = await api('/api/video/templates');
	}
	catch (error) {
		reasonText.textContent = `Video settings could not be loaded: ${error.message}`;
		return;
	}
	prompt.maxLength = MAX_PROMPT;
	templateList.replaceChildren(...state.templates.map((template) => {
		const item = el('li');
		const chip = el('button', 'chip', template.name);
		chip.type = 'button';
		chip.dataset.template = template.slug;
		chip.title = template.description;
		chip.setAttribute('aria-pressed', 'false');
		chip.addEventListener('click', () => chooseTemplate(template));
		item.append(chip);
		return item;
	}));
	setUpCamera(renderVideoForm);
	setUpBatch(batchSettings);
	chooseModel(defaultModel('video'));
}

/** What every variant of a batch shares: the form's model, duration, resolution, words and options. */
function batchSettings() {
	if (!model || !state.image) return null;
	const cost = costOf(chosen(videoForm, 'duration'), chosen(videoForm, 'resolution'));
	if (cost === null) return null;
	const variant = options();
	delete variant.imageId;
	return { cost, variant };
}

/** The request the form makes now, for this image (or the video it continues). */
function options() {
	const request = {
		imageId: state.image.id,
		prompt: prompt.value.trim(),
		model: model.id,
		duration: Number(chosen(videoForm, 'duration')),
		resolution: chosen(videoForm, 'resolution'),
	};
	if (model.endFrame && endFrame.value) request.endImageId = endFrame.value;
	if (model.audio) request.audio = audio.checked;
	if (model.promptOptimizer) request.promptOptimizer = optimizer.checked;
	if (model.negativePrompt && negative.value.trim()) request.negativePrompt = negative.value.trim();
	if (model.aspectRatios) request.aspectRatio = chosen(videoForm, 'aspect-ratio');
	const camera = cameraRequest();
	if (camera) request.camera = camera;
	return request;
}

/** Draws the picker and the chosen model's options, keeping what still fits. */
function chooseModel(next, keep = {}) {
	model = next;
	drawPicker(modelsBox, 'video', 'video-model', model ? model.id : null, (picked) => chooseModel(picked, current()));
	localWords.hidden = !model || model.provider !== 'local';
	if (!model) {
		showCamera(false);
		renderVideoForm();
		return;
	}
	showCamera(model.id === 'local/motion', state.image && state.image.url);
	const duration = model.durations.includes(Number(keep.duration)) ? Number(keep.duration) : model.durations[0];
	const resolution = model.resolutions.includes(keep.resolution) ? keep.resolution
		: model.resolutions.includes('768p') ? '768p' : model.resolutions.includes('720p') ? '720p' : model.resolutions[0];
	durationsBox.replaceChildren(...model.durations.map((d) => radio('duration', String(d), `${d} seconds`, d === duration, renderVideoForm)));
	resolutionsBox.replaceChildren(...model.resolutions.map((r) => radio('resolution', r, r, r === resolution, renderVideoForm)));
	endFrameBox.hidden = !model.endFrame;
	if (model.endFrame) {
		loadEndFrames();
	}
	audioBox.hidden = !model.audio;
	if (!model.audio) audio.checked = false;
	optimizerBox.hidden = !model.promptOptimizer;
	negativeBox.hidden = !model.negativePrompt;
	aspectBox.hidden = !model.aspectRatios;
	aspectRatios.replaceChildren(...(model.aspectRatios || []).map((ratio, i) => radio('aspect-ratio', ratio, ratio,
		keep.aspectRatio ? ratio === keep.aspectRatio : i === 0, renderVideoForm)));
	renderVideoForm();
}

/** The person's other finished images, to end the video on. */
async function loadEndFrames() {
	if (endFrames === null) {
		try {
			endFrames = (await api('/api/images')).filter(isCompleted);
		}
		catch (error) {
			endFrames = [];
		}
	}
	const keep = endFrame.value;
	const others = endFrames.filter((image) => !state.image || image.id !== state.image.id);
	const place = (slug) => (state.locations.find((l) => l.slug === slug) || { name: slug }).name;
	endFrame.replaceChildren(el('option', '', 'No end frame'), ...others.map((image) => {
		const option = el('option', '', `You at ${place(image.location)}, ${new Date(image.createdAt).toLocaleString()}`);
		option.value = image.id;
		return option;
	}));
	endFrame.firstChild.value = '';
	endFrame.value = others.some((image) => image.id === keep) ? keep : '';
	endFrameHint.textContent = others.length ? '' : 'Make another image in step 3 to end the video on it.';
	renderVideoForm();
}

/** What the form asks for now. */
function current() {
	return {
		duration: chosen(videoForm, 'duration'),
		resolution: chosen(videoForm, 'resolution'),
		aspectRatio: chosen(videoForm, 'aspect-ratio'),
	};
}

function chooseTemplate(template) {
	// One click picks a camera move; the person's words, if any, are added to it by the server.
	selectTemplate(selectedTemplate && selectedTemplate.slug === template.slug ? null : template.slug);
	renderVideoForm();
}

function selectTemplate(slug) {
	selectedTemplate = state.templates.find((t) => t.slug === slug) || null;
	templateList.querySelectorAll('[data-template]').forEach((chip) => {
		chip.setAttribute('aria-pressed', String(selectedTemplate !== null && chip.dataset.template === selectedTemplate.slug));
	});
	templateDescription.textContent = selectedTemplate
		? `${selectedTemplate.name}: ${selectedTemplate.description} Add words above to refine it, or leave them out.`
		: '';
}

function costOf(duration, resolution) {
	if (!model) return null;
	const key = `${duration}s-${resolution}${audio.checked && model.audio ? '-audio' : ''}`;
	return model.costs[key] === undefined ? null : model.costs[key];
}

/** Resolutions the end frame allows (Kling: pro mode, 1080p, only). */
function allowedWithEndFrame(resolution) {
	return !endFrame.value || !model.endFrameResolutions || model.endFrameResolutions.includes(resolution);
}

function renderVideoForm() {
	const length = prompt.value.length;
	counter.textContent = `${length} / ${MAX_PROMPT}`;
	counter.toggleAttribute('data-over', length > MAX_PROMPT);
	continueNote.hidden = !state.continueFrom;
	if (!model) {
		videoStart.disabled = true;
		return;
	}
	setCameraSeconds(Number(chosen(videoForm, 'duration')));
	// Only combinations with a price exist (e.g. 1080p is 6 s only).
	const duration = chosen(videoForm, 'duration');
	resolutionsBox.querySelectorAll('input').forEach((input) => {
		input.disabled = costOf(duration, input.value) === null || !allowedWithEndFrame(input.value);
		input.closest('label').title = input.disabled ? `Not available at ${duration} seconds${endFrame.value ? ' with an end frame' : ''}` : '';
	});
	if (!chosen(videoForm, 'resolution') || resolutionsBox.querySelector('input:checked').disabled) {
		const fallback = [...resolutionsBox.querySelectorAll('input')].find((input) => !input.disabled);
		if (fallback) fallback.checked = true;
	}
	const cost = costOf(duration, chosen(videoForm, 'resolution'));
	const balance = currentBalance();
	costText.textContent = cost === null ? '' : `This video costs ${credits(cost)}. You have ${credits(balance)}.`;
	costText.dataset.cost = cost === null ? '' : String(cost);
	let reason = '';
	if (cost === null) {
		reason = `${model.name} does not make this combination; choose another duration or resolution.`;
	}
	else if (balance < cost) {
		reason = `You need ${credits(cost)} for this video and have ${credits(balance)}. Choose a shorter or smaller video.`;
	}
	else if (!prompt.value.trim() && !selectedTemplate && !cameraRequest()) {
		reason = 'Describe the motion or pick a motion template first.';
	}
	else if (length > MAX_PROMPT) {
		reason = `The description is too long: at most ${MAX_PROMPT} characters.`;
	}
	reasonText.textContent = reason;
	buyCredits.hidden = !(cost !== null && balance < cost);
	videoStart.disabled = Boolean(reason) || submitting;
	renderBatch();
}

prompt.addEventListener('input', renderVideoForm);
[endFrame, audio, optimizer].forEach((input) => input.addEventListener('change', renderVideoForm));
bus.on('credits:balance', renderVideoForm);

videoForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	if (videoStart.disabled) {
		return;
	}
	submitting = true;
	videoStart.disabled = true;
	const request = options();
	if (selectedTemplate) request.template = selectedTemplate.slug;
	if (request.camera && !request.prompt && !request.template) request.prompt = 'My own camera move';
	if (state.continueFrom) {
		// Continue that video: the server starts from its exact last frame.
		delete request.imageId;
		request.fromVideoId = state.continueFrom.id;
	}
	try {
		const started = await api('/api/video/generate', { method: 'POST', json: request });
		bus.emit('credits:changed', started.credits);
		state.continueFrom = null;
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

onRender(() => {
	const video = state.video;
	videoForm.hidden = Boolean(video);
	videoStatusBox.hidden = !video || isTerminal(video);
	videoFailedBox.hidden = !isFailed(video);
	if (state.image && state.image.url) {
		$('[data-video-image]').src = state.image.url;
		showCamera(Boolean(model) && model.id === 'local/motion', state.image.url);
	}
	if (video && !isTerminal(video)) {
		const progress = Math.max(0, Math.min(100, video.progress || 0));
		videoProgress.value = progress;
		videoProgress.setAttribute('aria-valuetext', `${progress}%`);
		videoStatus.textContent = video.status === PENDING ? queuedText(video)
			: `Generating your video… ${progress}%`;
		const used = state.models.video.find((m) => m.id === video.model);
		videoTypical.textContent = used ? `${used.name} usually takes ${typicalTime(used)}.` : '';
	}
	if (isFailed(video)) {
		videoErrorText.textContent = errorMessage(video);
	}
});

/** Live status over Server-Sent Events; falls back to polling if the stream is refused. */
export function followVideo(id) {
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
		if (isTerminal(video)) {
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
	if (!state.video || state.video.id !== id || isTerminal(state.video)) {
		return;
	}
	try {
		applyVideo(await api(`/api/video/${id}`));
	}
	catch (error) {
		videoStatus.textContent = `Still waiting (${error.message})`;
	}
	if (!isTerminal(state.video)) {
		setTimeout(() => pollVideo(id, Math.min(delay * 1.5, 5000)), delay);
	}
}

async function applyVideo(video) {
	const was = state.video ? state.video.status : null;
	state.video = video;
	if (video.status === COMPLETED && was !== COMPLETED) {
		state.open = 5;
		render();
		$('#step5-title').setAttribute('tabindex', '-1');
		$('#step5-title').focus();
		return;
	}
	render();
	if (isFailed(video) && was !== video.status) {
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

/** Back to the form for the same image: the words stay as they were. */
export function editAgain() {
	state.video = null;
	state.continueFrom = null;
	stopFollowing();
	endFrames = null;
	open(4);
	if (model && model.endFrame) loadEndFrames();
	renderVideoForm();
	prompt.focus();
}

$('[data-video-retry]').addEventListener('click', editAgain);

/** Puts a past generation's words, template, model and options back into the form. */
export function refill(video) {
	if (!video) {
		return;
	}
	prompt.value = video.prompt || '';
	selectTemplate(video.template || null);
	const used = state.models.video.find((m) => m.id === video.model);
	audio.checked = Boolean(video.audio);
	optimizer.checked = video.promptOptimizer !== false;
	negative.value = video.negativePrompt || '';
	chooseModel(used || model, { duration: video.duration, resolution: video.resolution, aspectRatio: video.aspectRatio });
	refillCamera(video.camera);
}

/** Step 4 again, to continue `video` from its last frame (with the same settings to start from). */
export function continueVideo(video) {
	refill(video);
	editAgain();
	state.continueFrom = video;
	renderVideoForm();
}
