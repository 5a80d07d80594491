// The video player (the seed's VideoPlayer): custom controls over the native <video>, operable by
// mouse, touch (pointer events) and keyboard, announced to screen readers.
//
//   const player = new VideoPlayer(container, { src, poster, downloadUrl, title });
//
// Shortcuts while focus is inside the player: space or k play/pause, j back 5 s, l forward 5 s,
// m mute, f fullscreen; on the progress bar arrows seek 1 s, PageUp/PageDown 5 s, Home/End.

const SVG = 'http://www.w3.org/2000/svg';

const ICONS = {
	play: 'M8 5v14l11-7z',
	pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
	volume: 'M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z',
	muted: 'M3 9v6h4l5 5V4L7 9H3zm13.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4z',
	loop: 'M7 7h10v3l4-4-4-4v3H5v6h2V7zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2v4z',
	download: 'M5 20h14v-2H5v2zM19 9h-4V3H9v6H5l7 7 7-7z',
	fullscreen: 'M7 14H5v5h5v-2H7v-3zm-2-4h2V7h3V5H5v5zm12 7h-3v2h5v-5h-2v3zM14 5v2h3v3h2V5h-5z',
	exitFullscreen: 'M5 16h3v3h2v-5H5v2zm3-8H5v2h5V5H8v3zm6 11h2v-3h3v-2h-5v5zm2-11V5h-2v5h5V8h-3z',
};

function icon(name) {
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('viewBox', '0 0 24 24');
	svg.setAttribute('aria-hidden', 'true');
	svg.setAttribute('focusable', 'false');
	const path = document.createElementNS(SVG, 'path');
	path.setAttribute('d', ICONS[name]);
	svg.append(path);
	return svg;
}

function setIcon(button, name) {
	if (button.dataset.icon !== name) {
		button.dataset.icon = name;
		button.replaceChildren(icon(name));
	}
}

function element(tag, className, attributes = {}) {
	const node = document.createElement(tag);
	if (className) {
		node.className = className;
	}
	Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
	return node;
}

/** 75 → "1:15"; NaN or Infinity → "0:00". A duration is rounded (5.96 s is a "0:06" clip). */
export function formatTime(seconds, round = false) {
	if (!Number.isFinite(seconds) || seconds < 0) {
		seconds = 0;
	}
	const whole = round ? Math.round(seconds) : Math.floor(seconds);
	const minutes = Math.floor(whole / 60);
	const rest = String(whole % 60).padStart(2, '0');
	return `${minutes}:${rest}`;
}

function spokenTime(seconds, round = false) {
	const value = Number.isFinite(seconds) ? seconds : 0;
	const whole = round ? Math.round(value) : Math.floor(value);
	const minutes = Math.floor(whole / 60);
	const rest = whole % 60;
	const parts = [];
	if (minutes > 0) {
		parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
	}
	parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`);
	return parts.join(' ');
}

export class VideoPlayer {

	constructor(container, { src, poster, downloadUrl, title = 'Your video' }) {
		this.container = container;
		this.title = title;
		this.dragging = false;
		this.root = element('div', 'player', { role: 'region', 'aria-label': `Video player: ${title}` });
		this.root.dataset.player = '';

		this.video = element('video', '', { preload: 'metadata', playsinline: '' });
		this.video.playsInline = true;
		if (poster) {
			this.video.poster = poster;
		}
		this.video.src = src;

		this.bigPlay = element('button', 'player__big-play', { type: 'button', 'aria-label': 'Play video', tabindex: '-1' });
		this.bigPlay.append(icon('play'));
		this.spinner = element('div', 'player__spinner', { 'aria-hidden': 'true' });
		this.spinner.hidden = true;

		const controls = element('div', 'player__controls');
		this.playButton = element('button', 'player__button', { type: 'button', 'aria-label': 'Play' });
		this.playButton.dataset.action = 'play';
		setIcon(this.playButton, 'play');

		this.seek = element('div', 'player__seek', {
			role: 'slider',
			tabindex: '0',
			'aria-label': 'Seek',
			'aria-valuemin': '0',
			'aria-valuemax': '0',
			'aria-valuenow': '0',
			'aria-valuetext': '0 seconds of 0 seconds',
		});
		const track = element('div', 'player__track');
		this.buffered = element('div', 'player__buffered-ranges');
		this.played = element('div', 'player__played');
		track.append(this.buffered, this.played);
		this.thumb = element('div', 'player__thumb');
		this.seek.append(track, this.thumb);

		this.time = element('span', 'player__time', { 'aria-hidden': 'true' });
		this.time.textContent = '0:00 / 0:00';

		const spacer = element('span', 'player__spacer');

		this.muteButton = element('button', 'player__button', { type: 'button', 'aria-label': 'Mute', 'aria-pressed': 'false' });
		this.muteButton.dataset.action = 'mute';
		setIcon(this.muteButton, 'volume');

		this.volume = element('input', 'player__volume', {
			type: 'range', min: '0', max: '1', step: '0.05', value: '1', 'aria-label': 'Volume',
		});
		this.volume.dataset.action = 'volume';

		this.loopButton = element('button', 'player__button', { type: 'button', 'aria-label': 'Loop', 'aria-pressed': 'false' });
		this.loopButton.dataset.action = 'loop';
		setIcon(this.loopButton, 'loop');

		this.downloadLink = element('a', 'player__button', { 'aria-label': 'Download video', download: '' });
		this.downloadLink.dataset.action = 'download';
		this.downloadLink.href = downloadUrl || src;
		this.downloadLink.append(icon('download'));

		this.fullscreenButton = element('button', 'player__button', { type: 'button', 'aria-label': 'Full screen' });
		this.fullscreenButton.dataset.action = 'fullscreen';
		setIcon(this.fullscreenButton, 'fullscreen');
		if (!document.fullscreenEnabled) {
			this.fullscreenButton.hidden = true;
		}

		controls.append(this.seek, this.playButton, this.time, spacer, this.muteButton, this.volume,
			this.loopButton, this.downloadLink, this.fullscreenButton);

		this.status = element('p', 'visually-hidden', { 'aria-live': 'polite' });
		this.failure = element('p', 'player__failure');
		this.failure.hidden = true;

		this.root.append(this.video, this.bigPlay, this.spinner, this.failure, controls, this.status);
		container.replaceChildren(this.root);
		this.bind();
		this.render();
	}

	bind() {
		const v = this.video;
		const onToggle = () => this.toggle();
		this.playButton.addEventListener('click', onToggle);
		this.bigPlay.addEventListener('click', onToggle);
		v.addEventListener('click', onToggle);
		this.muteButton.addEventListener('click', () => this.toggleMute());
		this.loopButton.addEventListener('click', () => this.toggleLoop());
		this.fullscreenButton.addEventListener('click', () => this.toggleFullscreen());
		this.volume.addEventListener('input', () => {
			v.volume = Number(this.volume.value);
			v.muted = v.volume === 0;
		});
		['play', 'pause', 'timeupdate', 'durationchange', 'loadedmetadata', 'progress', 'volumechange', 'ended', 'seeked']
			.forEach((name) => v.addEventListener(name, () => this.render()));
		v.addEventListener('waiting', () => { this.spinner.hidden = false; });
		['playing', 'canplay', 'seeked', 'pause', 'error'].forEach((name) => v.addEventListener(name, () => { this.spinner.hidden = true; }));
		v.addEventListener('play', () => this.announce('Playing'));
		v.addEventListener('pause', () => { if (!v.ended) this.announce('Paused'); });
		v.addEventListener('ended', () => this.announce('Ended'));
		v.addEventListener('error', () => {
			this.failure.textContent = 'This video could not be loaded. Reload the page to try again.';
			this.failure.hidden = false;
			this.bigPlay.hidden = true;
		});
		document.addEventListener('fullscreenchange', () => this.render());

		// Seeking by pointer: mouse, pen and touch alike; dragging keeps following the finger.
		this.seek.addEventListener('pointerdown', (event) => {
			if (event.button !== 0) {
				return;
			}
			this.dragging = true;
			this.seek.setPointerCapture(event.pointerId);
			this.seekToPointer(event);
			this.seek.focus({ preventScroll: true });
			event.preventDefault();
		});
		this.seek.addEventListener('pointermove', (event) => {
			if (this.dragging) {
				this.seekToPointer(event);
			}
		});
		const stop = (event) => {
			if (this.dragging) {
				this.dragging = false;
				if (this.seek.hasPointerCapture(event.pointerId)) {
					this.seek.releasePointerCapture(event.pointerId);
				}
			}
		};
		this.seek.addEventListener('pointerup', stop);
		this.seek.addEventListener('pointercancel', stop);
		this.seek.addEventListener('keydown', (event) => this.onSeekKey(event));
		this.root.addEventListener('keydown', (event) => this.onKey(event));
	}

	get duration() {
		return Number.isFinite(this.video.duration) ? this.video.duration : 0;
	}

	toggle() {
		if (this.video.paused || this.video.ended) {
			this.video.play().catch(() => this.announce('The video could not be played.'));
		}
		else {
			this.video.pause();
		}
	}

	toggleMute() {
		this.video.muted = !this.video.muted;
		if (!this.video.muted && this.video.volume === 0) {
			this.video.volume = 1;
		}
	}

	toggleLoop() {
		this.video.loop = !this.video.loop;
		this.announce(this.video.loop ? 'Loop on' : 'Loop off');
		this.render();
	}

	toggleFullscreen() {
		if (document.fullscreenElement) {
			document.exitFullscreen().catch(() => {});
		}
		else if (this.root.requestFullscreen) {
			this.root.requestFullscreen().catch(() => this.announce('Full screen is not available.'));
		}
	}

	seekTo(seconds) {
		const duration = this.duration;
		if (duration <= 0) {
			return;
		}
		this.video.currentTime = Math.min(Math.max(seconds, 0), duration);
		this.render();
	}

	seekBy(seconds) {
		this.seekTo(this.video.currentTime + seconds);
	}

	seekToPointer(event) {
		const rect = this.seek.getBoundingClientRect();
		const fraction = Math.min(Math.max((event.clientX - rect.left) / rect.width, 0), 1);
		this.seekTo(fraction * this.duration);
	}

	onSeekKey(event) {
		const steps = {
			ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -5, PageUp: 5,
		};
		if (event.key in steps) {
			this.seekBy(steps[event.key]);
		}
		else if (event.key === 'Home') {
			this.seekTo(0);
		}
		else if (event.key === 'End') {
			this.seekTo(this.duration);
		}
		else {
			return;
		}
		event.preventDefault();
		event.stopPropagation();
	}

	onKey(event) {
		if (event.altKey || event.ctrlKey || event.metaKey) {
			return;
		}
		const target = event.target;
		const inControl = target.closest('button, a, input');
		switch (event.key) {
			case ' ':
				// A focused button or link does its own thing with space.
				if (inControl) {
					return;
				}
				this.toggle();
				break;
			case 'k':
			case 'K':
				this.toggle();
				break;
			case 'j':
			case 'J':
				this.seekBy(-5);
				break;
			case 'l':
			case 'L':
				this.seekBy(5);
				break;
			case 'm':
			case 'M':
				this.toggleMute();
				break;
			case 'f':
			case 'F':
				this.toggleFullscreen();
				break;
			case 'ArrowLeft':
			case 'ArrowRight':
				if (target.matches('input[type="range"]')) {
					return;
				}
				this.seekBy(event.key === 'ArrowLeft' ? -5 : 5);
				break;
			default:
				return;
		}
		event.preventDefault();
	}

	announce(message) {
		this.status.textContent = message;
	}

	render() {
		const v = this.video;
		const duration = this.duration;
		const current = Math.min(v.currentTime || 0, duration || Infinity);
		const playing = !v.paused && !v.ended;
		this.root.toggleAttribute('data-playing', playing);
		this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
		setIcon(this.playButton, playing ? 'pause' : 'play');

		const fraction = duration > 0 ? current / duration : 0;
		this.played.style.width = `${fraction * 100}%`;
		this.thumb.style.left = `${fraction * 100}%`;
		this.seek.setAttribute('aria-valuemax', String(Math.round(duration * 10) / 10));
		this.seek.setAttribute('aria-valuenow', String(Math.round(current * 10) / 10));
		this.seek.setAttribute('aria-valuetext', `${spokenTime(current)} of ${spokenTime(duration, true)}`);
		this.time.textContent = `${formatTime(current)} / ${formatTime(duration, true)}`;
		this.renderBuffered(duration);

		const muted = v.muted || v.volume === 0;
		this.muteButton.setAttribute('aria-label', muted ? 'Unmute' : 'Mute');
		this.muteButton.setAttribute('aria-pressed', String(muted));
		setIcon(this.muteButton, muted ? 'muted' : 'volume');
		this.volume.value = String(muted ? 0 : v.volume);
		this.volume.setAttribute('aria-valuetext', `${Math.round((muted ? 0 : v.volume) * 100)}%`);

		this.loopButton.setAttribute('aria-pressed', String(v.loop));

		const full = document.fullscreenElement === this.root;
		this.fullscreenButton.setAttribute('aria-label', full ? 'Exit full screen' : 'Full screen');
		setIcon(this.fullscreenButton, full ? 'exitFullscreen' : 'fullscreen');
	}

	renderBuffered(duration) {
		const ranges = this.video.buffered;
		const bars = [];
		if (duration > 0) {
			for (let i = 0; i < ranges.length; i++) {
				const bar = element('div', 'player__buffered');
				bar.style.left = `${(ranges.start(i) / duration) * 100}%`;
				bar.style.width = `${((ranges.end(i) - ranges.start(i)) / duration) * 100}%`;
				bars.push(bar);
			}
		}
		this.buffered.replaceChildren(...bars);
	}

	destroy() {
		this.video.pause();
		this.video.removeAttribute('src');
		this.video.load();
		this.root.remove();
	}

}
