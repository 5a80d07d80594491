// A shared video's public page: the studio's player over the video the link stands for.
import { VideoPlayer } from './player.js';

const container = document.querySelector('[data-share-player]');
if (container) {
	const { src, poster } = container.dataset;
	container.replaceChildren();
	new VideoPlayer(container, { src, poster: poster || undefined, title: 'A Wanderframe video' });
}
document.body.dataset.ready = '';
