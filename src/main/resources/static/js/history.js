// History: the person's videos and images, newest first, with status and poster; a completed
// video opens in the player.
import { api } from './api.js';
import { $, $$, el } from './dom.js';
import './page.js';
import { VideoPlayer } from './player.js';
import { STATUS_WORDS, errorMessage, isCompleted, isFailed, isTerminal } from './status.js';
import { regenerate } from './video-settings.js';

const videoList = $('[data-videos]');
const imageList = $('[data-images]');
const moreVideos = $('[data-videos-more]');
const viewer = $('[data-viewer]');
const viewerTitle = $('[data-viewer-title]');
const errorBox = $('[data-history-error]');
const PAGE_SIZE = 12;
let nextPage = 0;
let player = null;
let locationNames = new Map();
let modelNames = new Map();
const filterForm = $('[data-video-filters]');
const bulkDelete = $('[data-bulk-delete]');
const bulkConfirm = $('[data-bulk-confirm]');
const bulkKeep = $('[data-bulk-keep]');
let filters = new URLSearchParams();

function when(iso) {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function badge(status) {
	const node = el('span', 'badge', STATUS_WORDS[status] || status);
	node.dataset.status = status;
	return node;
}

function media(src, alt) {
	if (!src) {
		const placeholder = el('div', 'item__media');
		placeholder.setAttribute('aria-hidden', 'true');
		return placeholder;
	}
	const image = el('img', 'item__media');
	image.src = src;
	image.alt = alt;
	image.loading = 'lazy';
	image.width = 320;
	image.height = 180;
	return image;
}

function videoItem(video) {
	const item = el('li', 'item');
	item.dataset.video = video.id;
	item.id = `video-${video.id}`;
	const body = el('div', 'item__body');
	const title = video.prompt || (video.template ? `Template: ${video.template}` : 'Video');
	body.append(badge(video.status), el('p', '', title), el('p', 'item__meta', videoFacts(video)),
		el('p', 'item__meta', when(video.createdAt)));
	if (isFailed(video)) {
		body.append(el('p', 'item__meta', video.error ? errorMessage(video) : 'It could not be made.'));
	}
	if (video.fromVideoId) {
		body.append(chainLink(video));
	}
	const actions = el('div', 'actions');
	if (isCompleted(video)) {
		const play = el('button', 'button', 'Play');
		play.type = 'button';
		play.setAttribute('aria-label', `Play video: ${title}`);
		play.addEventListener('click', () => show(video, title));
		const download = el('a', 'button button--quiet', 'Download');
		download.href = video.downloadUrl;
		download.setAttribute('download', '');
		download.setAttribute('aria-label', `Download video: ${title}`);
		actions.append(play, download);
	}
	else if (!isFailed(video)) {
		const follow = el('a', 'button button--quiet', 'Follow in the studio');
		follow.href = `/studio?video=${encodeURIComponent(video.id)}`;
		actions.append(follow);
	}
	if (isTerminal(video)) {
		actions.append(...againControls(video, title), deleteControl(item, video, title));
		const select = el('label', 'item__select');
		const box = el('input');
		box.type = 'checkbox';
		box.dataset.select = video.id;
		box.setAttribute('aria-label', `Select video: ${title}`);
		box.addEventListener('change', updateBulk);
		select.append(box, document.createTextNode('Select'));
		body.append(select);
	}
	body.append(actions);
	if (isCompleted(video)) {
		body.append(shareControl(video, title), exportControl(video, title));
	}
	// Until there is a poster (or if there never will be), the picture it started from.
	// (A continued video starts on a still kept as a photo.)
	const firstFrame = video.fromVideoId ? '/api/photos/' : '/api/images/';
	const picture = video.posterUrl || (video.imageId ? `${firstFrame}${encodeURIComponent(video.imageId)}/content` : null);
	item.append(media(picture, ''), body);
	item.dataset.status = video.status;
	return item;
}

/** "Continues …": the video this one was continued from (its first frame is that one's last). */
function chainLink(video) {
	const line = el('p', 'item__meta');
	line.dataset.chain = video.fromVideoId;
	line.append(document.createTextNode('Continues '));
	const link = el('a', '', 'an earlier video');
	link.href = `#video-${video.fromVideoId}`;
	link.addEventListener('click', (event) => {
		const earlier = document.querySelector(`[data-video="${video.fromVideoId}"]`);
		if (earlier) {
			event.preventDefault();
			earlier.scrollIntoView({ block: 'center' });
			earlier.querySelector('button, a').focus();
		}
	});
	line.append(link, document.createTextNode(' from its last frame.'));
	return line;
}

/** "Regenerate" (the same settings, at once) and "Tweak" (step 4 with them, to change first). */
function againControls(video, title) {
	const again = el('button', 'button button--quiet', 'Regenerate');
	again.type = 'button';
	again.setAttribute('aria-label', `Regenerate: ${title}`);
	again.addEventListener('click', async () => {
		again.disabled = true;
		try {
			const started = await regenerate(video);
			window.location.assign(`/studio?video=${encodeURIComponent(started.id)}`);
		}
		catch (error) {
			again.disabled = false;
			errorBox.textContent = `It could not be started again: ${error.message}`;
			errorBox.hidden = false;
		}
	});
	const tweak = el('a', 'button button--quiet', 'Tweak');
	tweak.href = `/studio?video=${encodeURIComponent(video.id)}&tweak`;
	tweak.setAttribute('aria-label', `Tweak the settings: ${title}`);
	if (!isCompleted(video)) {
		return [again, tweak];
	}
	const onward = el('a', 'button button--quiet', 'Continue this video');
	onward.href = `/studio?video=${encodeURIComponent(video.id)}&continue`;
	onward.setAttribute('aria-label', `Continue this video from its last frame: ${title}`);
	return [again, tweak, onward];
}

/** "Delete", then an inline "Delete for good? / Keep it" — no modal dialog, no surprise. */
function deleteControl(item, video, title) {
	const box = el('span', 'actions');
	const ask = el('button', 'button button--quiet', 'Delete');
	ask.type = 'button';
	ask.setAttribute('aria-label', `Delete video: ${title}`);
	const confirm = el('button', 'button button--danger', 'Delete for good');
	confirm.type = 'button';
	const keep = el('button', 'button button--quiet', 'Keep it');
	keep.type = 'button';
	confirm.hidden = true;
	keep.hidden = true;
	const toggle = (asking) => {
		ask.hidden = asking;
		confirm.hidden = !asking;
		keep.hidden = !asking;
		(asking ? keep : ask).focus();
	};
	ask.addEventListener('click', () => toggle(true));
	keep.addEventListener('click', () => toggle(false));
	confirm.addEventListener('click', async () => {
		confirm.disabled = true;
		try {
			await api(`/api/video/${encodeURIComponent(video.id)}`, { method: 'DELETE' });
			if (player && player.videoId === video.id) {
				player.destroy();
				player = null;
				viewer.hidden = true;
			}
			item.remove();
			updateBulk();
			announce(`Deleted: ${title}`);
			$('[data-videos-empty]').hidden = videoList.children.length > 0;
			$('h1').focus();
		}
		catch (error) {
			confirm.disabled = false;
			announce(error.message);
			errorBox.textContent = error.message;
			errorBox.hidden = false;
		}
	});
	box.append(ask, confirm, keep);
	return box;
}

/** "Model · 6 s · 768p · 3 credits · made in 42 s": what it is, what it cost, how long it took. */
function videoFacts(video) {
	const parts = [modelNames.get(video.model) || video.model, `${video.duration} s`, video.resolution,
		`${video.cost} ${video.cost === 1 ? 'credit' : 'credits'}`];
	if (video.completedAt && video.createdAt) {
		parts.push(`made in ${took(new Date(video.completedAt) - new Date(video.createdAt))}`);
	}
	return parts.filter(Boolean).join(' · ');
}

function took(millis) {
	const seconds = Math.max(0, Math.round(millis / 1000));
	return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** "Share": a public link to copy, and "Stop sharing" to take it down. */
function shareControl(video, title) {
	const box = el('div', 'item__share');
	const share = el('button', 'button button--quiet', 'Share');
	share.type = 'button';
	share.setAttribute('aria-label', `Share video: ${title}`);
	const link = el('input');
	link.readOnly = true;
	link.setAttribute('aria-label', `Public link to video: ${title}`);
	link.hidden = true;
	const stop = el('button', 'button button--quiet', 'Stop sharing');
	stop.type = 'button';
	stop.setAttribute('aria-label', `Stop sharing video: ${title}`);
	stop.hidden = true;
	const shown = (url) => {
		link.value = url || '';
		link.hidden = !url;
		stop.hidden = !url;
		share.hidden = Boolean(url);
	};
	share.addEventListener('click', async () => {
		try {
			const created = await api(`/api/video/${encodeURIComponent(video.id)}/share`, { method: 'POST', json: {} });
			shown(created.url);
			link.focus();
			link.select();
			announce('Anyone with this link can watch the video.');
		}
		catch (error) {
			announce(error.message);
		}
	});
	stop.addEventListener('click', async () => {
		try {
			await api(`/api/video/${encodeURIComponent(video.id)}/share`, { method: 'DELETE' });
			shown(null);
			share.focus();
			announce('The link no longer works.');
		}
		catch (error) {
			announce(error.message);
		}
	});
	box.append(share, link, stop);
	return box;
}

/** "Export": another format, a boomerang, another shape; then a download link once it is made. */
function exportControl(video, title) {
	const details = el('details', 'item__export');
	const summary = el('summary', '', 'Export');
	summary.setAttribute('aria-label', `Export video: ${title}`);
	const form = el('form', 'filters');
	const format = el('select');
	format.name = 'format';
	[['mp4', 'MP4'], ['gif', 'GIF'], ['webm', 'WebM']].forEach(([value, text]) => {
		const option = el('option', '', text);
		option.value = value;
		format.append(option);
	});
	const aspect = el('select');
	aspect.name = 'aspect';
	[['', 'As made'], ['9:16', 'Vertical 9:16'], ['1:1', 'Square 1:1'], ['16:9', 'Wide 16:9']].forEach(([value, text]) => {
		const option = el('option', '', text);
		option.value = value;
		aspect.append(option);
	});
	const boomerang = el('input');
	boomerang.type = 'checkbox';
	boomerang.name = 'boomerang';
	const label = (text, control) => {
		const node = el('label', 'filters__field', text);
		node.append(control);
		return node;
	};
	const go = el('button', 'button', 'Make it');
	go.type = 'submit';
	const result = el('p', 'item__meta');
	result.setAttribute('aria-live', 'polite');
	form.append(label('Format', format), label('Shape', aspect), label('Boomerang', boomerang), go);
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		go.disabled = true;
		const body = { format: format.value, loop: boomerang.checked ? 'boomerang' : 'none' };
		if (aspect.value) body.aspect = aspect.value;
		try {
			let job = await api(`/api/video/${encodeURIComponent(video.id)}/exports`, { method: 'POST', json: body });
			result.textContent = 'Making your export…';
			for (let i = 0; i < 240 && (job.status === 'pending' || job.status === 'processing'); i += 1) {
				await new Promise((resolve) => { setTimeout(resolve, 1000); });
				job = await api(`/api/video/exports/${encodeURIComponent(job.id)}`);
			}
			if (job.status === 'completed') {
				const download = el('a', 'button button--quiet', `Download ${job.fileName}`);
				download.href = job.downloadUrl;
				download.setAttribute('download', job.fileName);
				result.replaceChildren(download);
			}
			else {
				result.textContent = job.error ? job.error.message : 'The export is taking long; look again later.';
			}
		}
		catch (error) {
			result.textContent = error.message;
		}
		go.disabled = false;
	});
	details.append(summary, form, result);
	return details;
}

function selected() {
	return $$('[data-select]:checked', videoList);
}

function updateBulk() {
	const count = selected().length;
	bulkDelete.disabled = count === 0;
	bulkDelete.textContent = count ? `Delete selected (${count})` : 'Delete selected';
	if (!count) askBulk(false);
}

function askBulk(asking) {
	bulkDelete.hidden = asking;
	bulkConfirm.hidden = !asking;
	bulkKeep.hidden = !asking;
}

bulkDelete.addEventListener('click', () => { askBulk(true); bulkKeep.focus(); });
bulkKeep.addEventListener('click', () => { askBulk(false); bulkDelete.focus(); });
bulkConfirm.addEventListener('click', async () => {
	bulkConfirm.disabled = true;
	let deleted = 0;
	for (const box of selected()) {
		try {
			await api(`/api/video/${encodeURIComponent(box.dataset.select)}`, { method: 'DELETE' });
			if (player && player.videoId === box.dataset.select) {
				player.destroy();
				player = null;
				viewer.hidden = true;
			}
			box.closest('li').remove();
			deleted += 1;
		}
		catch (error) {
			errorBox.textContent = error.message;
			errorBox.hidden = false;
		}
	}
	bulkConfirm.disabled = false;
	askBulk(false);
	updateBulk();
	announce(`Deleted ${deleted} ${deleted === 1 ? 'video' : 'videos'}.`);
	$('[data-videos-empty]').hidden = videoList.children.length > 0;
	loadNumbers().catch(() => {});
	$('h1').focus();
});

function setLayout(layout) {
	videoList.dataset.layout = layout;
	imageList.dataset.layout = layout;
	$$('button[data-layout]').forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.layout === layout)));
	try {
		localStorage.setItem('wanderframe.history.layout', layout);
	}
	catch (error) {
		// Private windows may refuse storage; the choice then lasts for this visit.
	}
}

$$('button[data-layout]').forEach((button) => button.addEventListener('click', () => setLayout(button.dataset.layout)));

filterForm.addEventListener('submit', (event) => {
	event.preventDefault();
	filters = new URLSearchParams();
	new FormData(filterForm).forEach((value, key) => {
		if (String(value).trim()) filters.set(key, String(value).trim());
	});
	reloadVideos();
});

filterForm.addEventListener('reset', () => {
	filters = new URLSearchParams();
	setTimeout(reloadVideos, 0);
});

function reloadVideos() {
	nextPage = 0;
	videoList.replaceChildren();
	updateBulk();
	loadVideos().then(() => announce(`${videoList.children.length} ${videoList.children.length === 1 ? 'video' : 'videos'} shown.`))
		.catch(fail);
}

async function loadNumbers() {
	const stats = await api('/api/video/stats');
	const list = $('[data-numbers-list]');
	const figure = (term, value, name) => {
		const row = el('div');
		row.dataset.figure = name;
		row.append(el('dt', '', term), el('dd', '', value));
		return row;
	};
	list.replaceChildren(
		figure('Videos made', String(stats.videos), 'videos'),
		figure('Success rate', stats.successRate === undefined ? '—' : `${Math.round(stats.successRate * 100)} %`, 'success'),
		figure('Credits spent', String(stats.creditsSpent), 'spent'),
		figure('Credits refunded', String(stats.creditsRefunded), 'refunded'),
	);
	const table = $('[data-numbers-models]');
	const rows = stats.models.map((model) => {
		const row = el('tr');
		row.append(el('td', '', modelNames.get(model.model) || model.model), el('td', '', String(model.videos)),
			el('td', '', model.typicalSeconds === undefined ? '—' : took(model.typicalSeconds * 1000)));
		return row;
	});
	table.tBodies[0].replaceChildren(...rows);
	table.hidden = rows.length === 0;
	$('[data-numbers]').hidden = false;
}

function fillSelect(select, entries) {
	entries.forEach(([value, text]) => {
		const option = el('option', '', text);
		option.value = value;
		select.append(option);
	});
}

function announce(message) {
	$('[data-history-status]').textContent = message;
}

function imageItem(image) {
	const item = el('li', 'item');
	item.dataset.image = image.id;
	const place = locationNames.get(image.location) || image.location;
	const body = el('div', 'item__body');
	body.append(badge(image.status), el('p', '', `You at ${place}`), el('p', 'item__meta', when(image.createdAt)));
	if (isFailed(image)) {
		body.append(el('p', 'item__meta', image.error ? errorMessage(image) : 'It could not be made.'));
	}
	if (isCompleted(image)) {
		const animate = el('a', 'button button--quiet', 'Make a video');
		animate.href = `/studio?image=${encodeURIComponent(image.id)}`;
		animate.setAttribute('aria-label', `Make a video of you at ${place}`);
		body.append(animate);
	}
	item.append(media(isCompleted(image) ? image.url : null, `You at ${place}`), body);
	return item;
}

function show(video, title) {
	if (player) player.destroy();
	viewer.hidden = false;
	viewerTitle.textContent = `Now playing: ${title}`;
	player = new VideoPlayer($('[data-viewer-player]'), {
		src: video.videoUrl, poster: video.posterUrl, downloadUrl: video.downloadUrl, title,
	});
	player.videoId = video.id;
	viewerTitle.focus();
	viewer.scrollIntoView({ block: 'nearest' });
}

async function loadVideos() {
	const query = new URLSearchParams(filters);
	query.set('page', String(nextPage));
	query.set('size', String(PAGE_SIZE));
	const page = await api(`/api/video?${query}`);
	videoList.append(...page.items.map(videoItem));
	nextPage += 1;
	moreVideos.hidden = nextPage * PAGE_SIZE >= page.total;
	$('[data-videos-empty]').hidden = videoList.children.length > 0;
}

async function loadImages() {
	const images = await api('/api/images');
	imageList.replaceChildren(...images.map(imageItem));
	$('[data-images-empty]').hidden = images.length > 0;
}

moreVideos.addEventListener('click', () => loadVideos().catch(fail));

function fail(error) {
	errorBox.textContent = `Your history could not be loaded: ${error.message}`;
	errorBox.hidden = false;
}

async function start() {
	try {
		const locations = await api('/api/locations');
		locationNames = new Map(locations.map((l) => [l.slug, l.name]));
	}
	catch (error) {
		// Slugs are shown instead of names.
	}
	try {
		const models = await api('/api/models?kind=video');
		modelNames = new Map(models.map((m) => [m.id, m.name]));
	}
	catch (error) {
		// Model ids are shown instead of names.
	}
	fillSelect($('[data-filter-models]'), [...modelNames]);
	fillSelect($('[data-filter-locations]'), [...locationNames]);
	let layout = 'grid';
	try {
		layout = localStorage.getItem('wanderframe.history.layout') === 'list' ? 'list' : 'grid';
	}
	catch (error) {
		// No storage: the grid.
	}
	setLayout(layout);
	await Promise.allSettled([loadVideos().catch(fail), loadImages().catch(fail), loadNumbers().catch(() => {})]);
	document.body.dataset.ready = '';
}

start();
