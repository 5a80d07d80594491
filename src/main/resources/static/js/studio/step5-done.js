// Step 5: watch and download.
import { $ } from '../dom.js';
import { VideoPlayer } from '../player.js';
import { isCompleted } from '../status.js';
import { locationName, onRender, open, state, stopFollowing } from './state.js';
import { markChosenLocation } from './step2-location.js';
import { clearUpload } from './step1-upload.js';
import { editAgain, refill } from './step4-video.js';

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
