// Step 3: generate the image, with the model the person picks (its price on show first).
import { api, credits } from '../api.js';
import { bus } from '../bus.js';
import { $, chosen } from '../dom.js';
import { currentBalance } from '../page.js';
import { PENDING, PROCESSING, errorMessage, isCompleted, isFailed, isTerminal } from '../status.js';
import { defaultModel, drawPicker, typicalTime } from './models.js';
import { cutoutFor, locationName, onRender, onStop, open, render, state, stopFollowing } from './state.js';

const imageStartBox = $('[data-image-start-box]');
const imageStart = $('[data-image-start]');
const imageCost = $('#image-cost');
const imageReason = $('[data-image-reason]');
const imageModels = $('[data-image-models]');
const imageStatusBox = $('[data-image-status-box]');
const imageStatus = $('[data-image-status]');
const imageTypical = $('[data-image-typical]');
const imageError = $('[data-image-error]');
const imageResult = $('[data-image-result]');
const imageDoneBox = $('[data-image-done-box]');
const imageContinue = $('[data-image-continue]');
let startingImage = false;
let imagePoll = null;

onStop(() => {
	if (imagePoll) {
		clearTimeout(imagePoll);
		imagePoll = null;
	}
});

function selectedModel() {
	const id = chosen(imageModels, 'image-model');
	return state.models.image.find((m) => m.id === id) || defaultModel('image');
}

/** The price on the button: the chosen model's, else the server's default (rendered with the page). */
function cost() {
	const model = selectedModel();
	return model ? model.costs.image : Number(imageStartBox.dataset.imageCost);
}

export function drawImageModels() {
	const model = defaultModel('image');
	drawPicker(imageModels, 'image', 'image-model', model ? model.id : null, () => renderImage());
}

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
	const price = cost();
	imageCost.textContent = `Costs ${credits(price)}.`;
	const balance = currentBalance();
	const short = !image && balance !== null && balance < price;
	imageReason.textContent = short ? `You need ${credits(price)} for an image and have ${credits(balance)}.` : '';
	imageStart.disabled = short || startingImage;
	imageStatusBox.hidden = !image || isTerminal(image);
	imageStatus.textContent = status === PENDING ? 'Waiting for a free generator…'
		: status === PROCESSING ? `Placing you at ${locationName()}…` : '';
	const model = image && state.models.image.find((m) => m.id === image.model);
	imageTypical.textContent = model ? `${model.name} usually takes ${typicalTime(model)}.` : '';
	imageResult.hidden = !isCompleted(image);
	if (isCompleted(image)) {
		imageResult.src = image.url;
		imageResult.alt = `You at ${locationName()}`;
	}
	imageError.hidden = !isFailed(image);
	if (isFailed(image)) {
		imageError.textContent = errorMessage(image);
	}
	imageDoneBox.hidden = !isTerminal(image);
	imageContinue.hidden = !isCompleted(image);
}

onRender(renderImage);
bus.on('credits:balance', renderImage);

async function startImage() {
	startingImage = true;
	imageStart.disabled = true;
	imageError.hidden = true;
	const model = selectedModel();
	try {
		const started = await api('/api/images', {
			method: 'POST',
			json: { photoId: state.photo.id, location: state.location.slug, model: model ? model.id : undefined },
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

export function followImage(id) {
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
			if (isTerminal(image)) {
				imagePoll = null;
				if (isFailed(image)) {
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
