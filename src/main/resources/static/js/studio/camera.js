// "Direct the camera yourself" (the local renderer only): the person drags a start frame and an
// end frame over the image, picks the easing and an intensity (how far toward the end frame the
// camera travels), and previews the path as an animated outline before paying. Frames keep the
// picture's shape, stay inside it and are at least a tenth of its width (as the server checks).
import { $, chosen } from '../dom.js';

const MIN_SHARE = 0.1;
const MIN_PIXELS = 64;
const box = $('[data-camera-box]');
const use = $('[data-camera-use]');
const stage = $('[data-camera-stage]');
const picture = $('[data-camera-image]');
const frames = { from: $('[data-camera-from]'), to: $('[data-camera-to]') };
const outline = $('[data-camera-outline]');
const easing = $('[data-camera-easing]');
const intensity = $('[data-camera-intensity]');
const previewButton = $('[data-camera-preview]');
const hint = $('[data-camera-hint]');
const drawn = { from: null, to: null };
let onChange = () => {};
let animation = null;

export function setUpCamera(changed) {
	onChange = changed;
}

/** Shows the box for a model that takes a camera path, on this picture. */
export function showCamera(available, src) {
	box.hidden = !available;
	if (!available) {
		use.checked = false;
	}
	if (src && picture.getAttribute('src') !== src) {
		picture.src = src;
		drawn.from = null;
		drawn.to = null;
		use.checked = false;
		draw();
	}
}

function size() {
	return { width: picture.naturalWidth, height: picture.naturalHeight };
}

function aspect() {
	const { width, height } = size();
	return Math.max(1 / 3, Math.min(3, width / height));
}

function minimum() {
	return Math.max(MIN_PIXELS, MIN_SHARE * size().width);
}

/** A frame of width w (image pixels) with its top-left at (x, y), kept inside the picture. */
function clampFrame(x, y, w) {
	const { width, height } = size();
	const most = Math.min(width, height * aspect());
	const wide = Math.max(minimum(), Math.min(most, w));
	const tall = wide / aspect();
	return {
		x: Math.round(Math.max(0, Math.min(width - wide, x))),
		y: Math.round(Math.max(0, Math.min(height - tall, y))),
		w: Math.floor(wide),
	};
}

function scale() {
	return picture.clientWidth / size().width;
}

function place(node, frame) {
	node.hidden = !frame;
	if (!frame) return;
	const s = scale();
	node.style.left = `${frame.x * s}px`;
	node.style.top = `${frame.y * s}px`;
	node.style.width = `${frame.w * s}px`;
	node.style.height = `${(frame.w / aspect()) * s}px`;
}

/** The end frame the camera really reaches: part of the way there at a lower intensity. */
function effectiveTo() {
	const k = Number(intensity.value);
	const { from, to } = drawn;
	return clampFrame(from.x + (to.x - from.x) * k, from.y + (to.y - from.y) * k, from.w + (to.w - from.w) * k);
}

function draw() {
	place(frames.from, drawn.from);
	place(frames.to, drawn.from && drawn.to ? effectiveTo() : drawn.to);
	const ready = Boolean(drawn.from && drawn.to);
	previewButton.disabled = !ready;
	use.disabled = !ready;
	if (!ready) use.checked = false;
	hint.textContent = !drawn.from ? 'Drag on the picture to draw where the video starts.'
		: !drawn.to ? 'Now choose "Draw the end frame" and drag where it ends.'
			: `From ${drawn.from.w} px wide at (${drawn.from.x}, ${drawn.from.y}) to ${effectiveTo().w} px wide at (${effectiveTo().x}, ${effectiveTo().y}).`;
	onChange();
}

function pointInImage(event) {
	const rect = picture.getBoundingClientRect();
	const s = scale();
	return { x: (event.clientX - rect.left) / s, y: (event.clientY - rect.top) / s };
}

let dragStart = null;
stage.addEventListener('pointerdown', (event) => {
	if (!size().width) return;
	event.preventDefault();
	stage.setPointerCapture(event.pointerId);
	dragStart = pointInImage(event);
});
stage.addEventListener('pointermove', (event) => {
	if (!dragStart) return;
	const now = pointInImage(event);
	const w = Math.abs(now.x - dragStart.x);
	const x = now.x < dragStart.x ? dragStart.x - w : dragStart.x;
	const y = now.y < dragStart.y ? dragStart.y - w / aspect() : dragStart.y;
	drawn[chosen(box, 'camera-frame') || 'from'] = clampFrame(x, y, w);
	draw();
});
stage.addEventListener('pointerup', () => {
	dragStart = null;
});

// The keyboard moves (arrows) and resizes (+ and -) the frame being drawn.
stage.addEventListener('keydown', (event) => {
	const which = chosen(box, 'camera-frame') || 'from';
	const step = Math.max(4, Math.round(size().width / 50));
	const frame = drawn[which] || clampFrame(0, 0, size().width / 2);
	const moves = { ArrowLeft: [-step, 0, 0], ArrowRight: [step, 0, 0], ArrowUp: [0, -step, 0], ArrowDown: [0, step, 0],
		'+': [-step / 2, -step / 2 / aspect(), step], '-': [step / 2, step / 2 / aspect(), -step] };
	const move = moves[event.key];
	if (!move || !size().width) return;
	event.preventDefault();
	drawn[which] = clampFrame(frame.x + move[0], frame.y + move[1], frame.w + move[2]);
	draw();
});

intensity.addEventListener('input', draw);
easing.addEventListener('change', onChange);
use.addEventListener('change', () => onChange());
window.addEventListener('resize', draw);
picture.addEventListener('load', draw);

const CURVES = {
	linear: (t) => t,
	'ease-in-out': (t) => t * t * (3 - 2 * t),
	'ease-out': (t) => 1 - (1 - t) * (1 - t),
};

/** Plays the path as an outline moving from the start frame to the end frame, in the clip's time. */
previewButton.addEventListener('click', () => {
	if (!drawn.from || !drawn.to) return;
	if (animation) cancelAnimationFrame(animation);
	const seconds = Number(box.dataset.seconds) || 6;
	const curve = CURVES[easing.value];
	const from = drawn.from;
	const to = effectiveTo();
	const began = performance.now();
	outline.hidden = false;
	stage.dataset.previewing = '';
	const frame = (now) => {
		const t = Math.min(1, (now - began) / (seconds * 1000));
		const k = curve(t);
		place(outline, { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k, w: from.w + (to.w - from.w) * k });
		if (t < 1) {
			animation = requestAnimationFrame(frame);
		}
		else {
			animation = null;
			delete stage.dataset.previewing;
			stage.dataset.previewed = '';
		}
	};
	animation = requestAnimationFrame(frame);
});

/** The camera for the request, or null when the person does not direct it. */
export function cameraRequest() {
	if (box.hidden || !use.checked || !drawn.from || !drawn.to) return null;
	return { from: { ...drawn.from }, to: effectiveTo(), easing: easing.value };
}

/** For the form's duration, so the preview takes as long as the clip. */
export function setCameraSeconds(seconds) {
	box.dataset.seconds = String(seconds || 6);
}

/** Puts a past generation's camera back (tweak). */
export function refillCamera(camera) {
	if (!camera) return;
	drawn.from = camera.from;
	drawn.to = camera.to;
	intensity.value = '1';
	easing.value = camera.easing;
	use.checked = true;
	draw();
}
