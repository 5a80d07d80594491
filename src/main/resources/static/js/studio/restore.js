// Reopening the studio: the ids in the URL, or else a generation still running (started in
// another tab, on another device, or in a tab that was closed), or one that finished in the
// last few minutes, unless the person has already moved on from it ("Start over").
import { api } from '../api.js';
import { isCompleted, isFailed, isRunning, isTerminal } from '../status.js';
import { nextStep, render, showStudioError, state } from './state.js';
import { markChosenLocation } from './step2-location.js';
import { followImage } from './step3-image.js';
import { continueVideo, editAgain, followVideo, refill } from './step4-video.js';
import { DISMISSED } from './step5-done.js';

const RECENT_MS = 10 * 60 * 1000;

async function recoverableVideo() {
	const recent = await api('/api/video?page=0&size=5').catch(() => ({ items: [] }));
	const running = recent.items.find(isRunning);
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

/**
 * The step-3 image a video (or the video it continues, and so on) was made from: the chain's
 * photo and place.
 */
async function originalImage(video) {
	let current = video;
	for (let i = 0; i < 20 && current.fromVideoId; i++) {
		try {
			current = await api(`/api/video/${current.fromVideoId}`);
		}
		catch (error) {
			break;
		}
	}
	return current.imageId;
}

export async function restore() {
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
			imageId = await originalImage(state.video);
		}
		if (imageId) {
			state.image = await api(`/api/images/${imageId}`);
			photoId = state.image.photoId;
			slug = state.image.location;
		}
		if (state.video && state.video.fromVideoId && state.image) {
			// A continued video starts on the last frame of the one before (kept as a photo): step 3
			// shows that picture, and step 4 makes its videos from it, not from the chain's first image.
			const frame = await api(`/api/photos/${state.video.imageId}`);
			state.image = { ...state.image, id: frame.id, url: frame.url, width: frame.width, height: frame.height,
				subject: null, reopen: state.video.id };
		}
		if (photoId) {
			state.photo = await api(`/api/photos/${photoId}`);
		}
		if (slug) {
			state.location = state.locations.find((l) => l.slug === slug) || null;
		}
	}
	catch (error) {
		showStudioError(`We could not reopen that generation: ${error.message}`);
		state.video = null;
	}
	state.restored = true;
	markChosenLocation();
	refill(state.video);
	state.open = nextStep();
	if (state.video && !isCompleted(state.video) && !isFailed(state.video)) {
		state.open = 4;
	}
	render();
	if (params.has('tweak') && isTerminal(state.video) && isCompleted(state.image)) {
		// "Tweak" from the history: step 4 with that video's settings, ready to change.
		editAgain();
	}
	else if (params.has('continue') && isCompleted(state.video) && isCompleted(state.image)) {
		// "Continue this video" from the history: step 4, starting from its last frame.
		continueVideo(state.video);
	}
	if (state.image && !isTerminal(state.image)) {
		followImage(state.image.id);
	}
	if (state.video && !isTerminal(state.video)) {
		followVideo(state.video.id);
	}
}
