// Step 5: watch and download.
import { $ } from '../dom.js';
import { VideoPlayer } from '../player.js';
import { isCompleted } from '../status.js';
import { locationName, onRender, open, state, stopFollowing } from './state.js';
import { markChosenLocation } from './step2-location.js';
import { clearUpload } from './step1-upload.js';
import { continueVideo, editAgain, followVideo, refill } from './step4-video.js';
import { bus } from '../bus.js';
import { regenerate } from '../video-settings.js';

export const DISMISSED = 'wanderframe.dismissedVideo';
let player = null;

onRender(() => {
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
});

$('[data-done-another]').addEventListener('click', () => {
	// Same image, new motion: the last words stay as a starting point.
	refill(state.video);
	editAgain();
});
$('[data-done-continue]').addEventListener('click', () => continueVideo(state.video));
$('[data-done-regenerate]').addEventListener('click', async () => {
	const message = $('[data-done-message]');
	const button = $('[data-done-regenerate]');
	button.disabled = true;
	try {
		const started = await regenerate(state.video);
		bus.emit('credits:changed', started.credits);
		state.video = { ...state.video, ...started, status: 'pending', progress: 0, videoUrl: null };
		message.textContent = '';
		open(4);
		followVideo(started.id);
	}
	catch (error) {
		message.textContent = error.message;
		bus.emit('credits:changed');
	}
	finally {
		button.disabled = false;
	}
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
	clearUpload();
	markChosenLocation();
	open(1);
});
