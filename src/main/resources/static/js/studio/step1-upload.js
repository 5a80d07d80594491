// Step 1: upload a photo.
import { api } from '../api.js';
import { $ } from '../dom.js';
import { nextStep, onRender, open, state, stopFollowing } from './state.js';

const fileInput = $('[data-file-input]');
const dropzone = $('[data-dropzone]');
const uploadStatus = $('[data-upload-status]');
const uploadError = $('[data-upload-error]');
const uploadPreview = $('[data-upload-preview]');
const uploadContinueBox = $('[data-upload-continue-box]');
let uploading = false;
let previewUrl = null;

onRender(() => {
	if (!uploading && state.photo) {
		uploadPreview.src = state.photo.url;
		uploadPreview.hidden = false;
	}
	uploadContinueBox.hidden = uploading || !state.photo;
});

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
		uploadContinueBox.hidden = !state.photo;
		if (state.photo) {
			uploadPreview.src = state.photo.url;
			uploadPreview.hidden = false;
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
