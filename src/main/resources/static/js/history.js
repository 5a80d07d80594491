// History: the person's videos and images, newest first, with status and poster; a completed
// video opens in the player.
import { api } from './api.js';
import { $, el } from './dom.js';
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
	body.append(badge(video.status), el('p', '', title),
		el('p', 'item__meta', `${video.duration} s · ${video.resolution} · ${when(video.createdAt)}`));
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
	}
	body.append(actions);
	// Until there is a poster (or if there never will be), the picture it started from.
	const picture = video.posterUrl || (video.imageId ? `/api/images/${encodeURIComponent(video.imageId)}/content` : null);
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
	return [again, tweak];
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
	const page = await api(`/api/video?page=${nextPage}&size=${PAGE_SIZE}`);
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
	await Promise.allSettled([loadVideos().catch(fail), loadImages().catch(fail)]);
	document.body.dataset.ready = '';
}

start();
