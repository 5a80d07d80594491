// A video's settings as POST /api/video/generate takes them, for "Regenerate" (the studio's
// step 5 and the history page): the same picture, words, template, model and options.
import { api } from './api.js';

export function settingsOf(video) {
	const request = {
		imageId: video.imageId,
		prompt: video.prompt || '',
		model: video.model,
		duration: video.duration,
		resolution: video.resolution,
	};
	if (video.template) request.template = video.template;
	if (video.endImageId) request.endImageId = video.endImageId;
	if (video.audio !== undefined && video.audio !== null) request.audio = video.audio;
	if (video.promptOptimizer !== undefined && video.promptOptimizer !== null) request.promptOptimizer = video.promptOptimizer;
	if (video.negativePrompt) request.negativePrompt = video.negativePrompt;
	if (video.aspectRatio) request.aspectRatio = video.aspectRatio;
	if (video.camera) request.camera = video.camera;
	return request;
}

/** Starts the same video again; resolves to the new generation ({id, cost, credits, ...}). */
export function regenerate(video) {
	return api('/api/video/generate', { method: 'POST', json: settingsOf(video) });
}
