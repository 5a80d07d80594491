// The studio: five steps from a photo to a video, one module per step (studio/step*.js) around a
// small shared state (studio/state.js). Every generation lives on the server; the page keeps the
// ids it follows in the URL, so a reload or another device picks up where the person was.
import { $ } from './dom.js';
import { loadModels } from './studio/models.js';
import { open, render, showStudioError, state, step, stopFollowing } from './studio/state.js';
import './studio/step1-upload.js';
import { loadLocations } from './studio/step2-location.js';
import { drawImageModels } from './studio/step3-image.js';
import { editAgain, loadVideoChoices, refill } from './studio/step4-video.js';
import './studio/step5-done.js';
import { restore } from './studio/restore.js';

// Going back: each finished step's summary has a "change" button.
[1, 2, 3, 4].forEach((n) => {
	$('[data-change]', step(n)).addEventListener('click', () => {
		if (n === 4) {
			refill(state.video);
			stopFollowing();
			editAgain();
		}
		else {
			// Back to step 3 shows the image with "try again"; nothing is lost until they choose.
			open(n);
		}
	});
});

async function start() {
	render();
	try {
		await loadModels();
	}
	catch (error) {
		showStudioError(`The models could not be loaded: ${error.message}`);
	}
	drawImageModels();
	await Promise.all([loadLocations(), loadVideoChoices()]);
	await restore();
	document.body.dataset.ready = '';
}

start();
