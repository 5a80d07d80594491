// Step 1: upload a photo.
import { api } from '../api.js';
import { $ } from '../dom.js';
import { NO_PERSON, cutoutFor, nextStep, onRender, open, render, state, stopFollowing } from './state.js';

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
let cutoutLoading = null;

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

onRender(renderUpload);

/** Forgets the photo on show (start over). */
export function clearUpload() {
	uploadPreview.hidden = true;
	uploadStatus.textContent = '';
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
