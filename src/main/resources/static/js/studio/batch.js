// "Try several motions at once": the person picks 2 to 6 motion templates as chips; each becomes
// its own video of this image with the duration, resolution and model of the form, charged
// together (or not at all) by POST /api/video/batch. The results play side by side, followed
// live over the batch's event stream.
import { api, credits } from '../api.js';
import { bus } from '../bus.js';
import { $, el } from '../dom.js';
import { currentBalance } from '../page.js';
import { STATUS_WORDS, errorMessage, isCompleted, isFailed } from '../status.js';
import { onStop, state, templateName } from './state.js';

const MIN = 2;
const MAX = 6;
const box = $('[data-batch-box]');
const chips = $('[data-batch-templates]');
const costText = $('[data-batch-cost]');
const start = $('[data-batch-start]');
const results = $('[data-batch-results]');
const statusText = $('[data-batch-status]');
const grid = $('[data-batch-grid]');
const picked = new Set();
let formSettings = () => null;
let stream = null;
let busy = false;

onStop(() => {
	if (stream) {
		stream.close();
		stream = null;
	}
});

/**
 * @param settings returns the form's shared settings ({model, duration, resolution, prompt, cost
 * of one video, options}) or null while the form cannot make a video
 */
export function setUpBatch(settings) {
	formSettings = settings;
	chips.replaceChildren(...state.templates.map((template) => {
		const item = el('li');
		const chip = el('button', 'chip', template.name);
		chip.type = 'button';
		chip.dataset.batchTemplate = template.slug;
		chip.title = template.description;
		chip.setAttribute('aria-pressed', 'false');
		chip.addEventListener('click', () => {
			if (picked.has(template.slug)) {
				picked.delete(template.slug);
			}
			else if (picked.size < MAX) {
				picked.add(template.slug);
			}
			renderBatch();
		});
		item.append(chip);
		return item;
	}));
	renderBatch();
}

export function renderBatch() {
	chips.querySelectorAll('[data-batch-template]').forEach((chip) => {
		const on = picked.has(chip.dataset.batchTemplate);
		chip.setAttribute('aria-pressed', String(on));
		chip.disabled = !on && picked.size >= MAX;
	});
	const settings = formSettings();
	const each = settings ? settings.cost : null;
	const total = each === null ? null : each * picked.size;
	let reason = '';
	if (picked.size < MIN) {
		reason = `Pick ${MIN} to ${MAX} motions (${picked.size} picked).`;
	}
	else if (total === null) {
		reason = 'Choose a duration and resolution the model makes.';
	}
	else if (currentBalance() < total) {
		reason = `These ${picked.size} videos cost ${credits(total)} and you have ${credits(currentBalance())}.`;
	}
	costText.textContent = reason || `${picked.size} videos, ${credits(total)} in all. You have ${credits(currentBalance())}.`;
	costText.dataset.cost = total === null ? '' : String(total);
	start.textContent = picked.size >= MIN ? `Generate ${picked.size} videos` : 'Generate these videos';
	start.disabled = Boolean(reason) || busy;
}

bus.on('credits:balance', renderBatch);

start.addEventListener('click', async () => {
	const settings = formSettings();
	if (start.disabled || !settings) {
		return;
	}
	busy = true;
	renderBatch();
	const variants = [...picked].map((slug) => ({ ...settings.variant, template: slug }));
	try {
		const accepted = await api('/api/video/batch', { method: 'POST', json: { imageId: state.image.id, variants } });
		bus.emit('credits:changed', accepted.credits);
		picked.clear();
		box.open = false;
		showResults({ batchId: accepted.batchId, finished: false,
			items: accepted.items.map((item, i) => ({ ...item, template: variants[i].template, progress: 0 })) });
		follow(accepted.batchId);
	}
	catch (error) {
		const wait = error.retryAfter ? ` Try again in ${error.retryAfter} seconds.` : '';
		costText.textContent = error.message + wait;
		bus.emit('credits:changed');
	}
	finally {
		busy = false;
		renderBatch();
	}
});

function follow(batchId) {
	if (stream) stream.close();
	const source = new EventSource(`/api/video/batch/${batchId}/events`);
	stream = source;
	source.addEventListener('batch', (event) => {
		const batch = JSON.parse(event.data);
		showResults(batch);
		if (batch.finished) {
			source.close();
			if (stream === source) stream = null;
			bus.emit('credits:changed');
		}
	});
	source.addEventListener('error', () => {
		if (source.readyState === EventSource.CLOSED && stream === source) {
			stream = null;
			api(`/api/video/batch/${batchId}`).then(showResults).catch(() => {});
		}
	});
}

function showResults(batch) {
	results.hidden = false;
	results.dataset.batch = batch.batchId;
	const done = batch.items.filter((item) => isCompleted(item) || isFailed(item)).length;
	statusText.textContent = batch.finished
		? `All ${batch.items.length} videos have finished${batch.failed ? `; ${batch.failed} failed and ${batch.failed === 1 ? 'was' : 'were'} refunded` : ''}.`
		: `${done} of ${batch.items.length} videos finished…`;
	const existing = new Map([...grid.children].map((node) => [node.dataset.video, node]));
	grid.replaceChildren(...batch.items.map((item) => {
		const node = existing.get(item.id) || el('li', 'batch-grid__item');
		if (node.dataset.status === item.status && node.dataset.progress === String(item.progress)) {
			return node;
		}
		node.dataset.video = item.id;
		node.dataset.status = item.status;
		node.dataset.progress = String(item.progress || 0);
		const name = templateName(item.template) || item.prompt || 'Video';
		const parts = [el('h4', 'batch-grid__title', name), el('span', 'badge', STATUS_WORDS[item.status] || item.status)];
		if (isCompleted(item)) {
			const video = el('video', 'batch-grid__video');
			video.controls = true;
			video.preload = 'metadata';
			video.src = item.videoUrl;
			if (item.posterUrl) video.poster = item.posterUrl;
			video.setAttribute('aria-label', `Video: ${name}`);
			const link = el('a', 'button button--quiet', 'Open');
			link.href = `/studio?video=${encodeURIComponent(item.id)}`;
			link.setAttribute('aria-label', `Open ${name} in the studio`);
			parts.push(video, link);
		}
		else if (isFailed(item)) {
			parts.push(el('p', 'item__meta', `${errorMessage(item)}`));
		}
		else {
			const progress = el('progress', 'progress');
			progress.max = 100;
			progress.value = item.progress || 0;
			progress.setAttribute('aria-label', `${name}: progress`);
			parts.push(progress);
		}
		node.replaceChildren(...parts);
		return node;
	}));
}

$('[data-batch-close]').addEventListener('click', () => {
	results.hidden = true;
	grid.replaceChildren();
});
