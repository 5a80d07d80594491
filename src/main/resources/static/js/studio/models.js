// The model pickers of steps 3 and 4, drawn from the catalogue (GET /api/models): each choice
// says what the model can do and what it costs, so the person sees the price before the click.
import { api, credits } from '../api.js';
import { el } from '../dom.js';
import { state } from './state.js';

export async function loadModels() {
	const all = await api('/api/models');
	state.models = {
		image: all.filter((m) => m.kind === 'image'),
		video: all.filter((m) => m.kind === 'video'),
	};
	return state.models;
}

export function defaultModel(kind) {
	const models = state.models[kind];
	return models.find((m) => m.default) || models[0] || null;
}

/** "about 2 min", "about 40 s": what a model typically takes here. */
export function typicalTime(model) {
	if (!model) return '';
	const seconds = model.typicalSeconds || 120;
	if (seconds < 60) {
		return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s`;
	}
	return `about ${Math.round(seconds / 60)} min`;
}

/** What the model can do, in a few words. */
export function capabilities(model) {
	const words = [];
	if (model.provider === 'local') words.push('on this server');
	if (model.endFrame) words.push('end frame');
	if (model.audio) words.push('sound');
	if (model.promptOptimizer) words.push('prompt optimizer');
	if (model.negativePrompt) words.push('negative prompt');
	if (model.resolutions && model.resolutions.length) words.push(`up to ${model.resolutions[model.resolutions.length - 1]}`);
	return words.join(' · ');
}

/** The lowest price the model offers. */
export function cheapest(model) {
	return Math.min(...Object.entries(model.costs).filter(([key]) => !key.endsWith('-audio')).map(([, cost]) => cost));
}

/**
 * Radio cards, one per model: name, capabilities, price ("from 3 credits"), typical time.
 * `onChange(model)` runs when the person picks one.
 */
export function drawPicker(container, kind, name, selectedId, onChange) {
	const models = state.models[kind];
	container.replaceChildren(...models.map((model) => {
		const label = el('label', 'model');
		label.dataset.model = model.id;
		const input = document.createElement('input');
		input.type = 'radio';
		input.name = name;
		input.value = model.id;
		input.checked = model.id === selectedId;
		input.addEventListener('change', () => onChange(model));
		const text = el('span', 'model__text');
		const price = kind === 'image' ? credits(model.costs.image) : `from ${credits(cheapest(model))}`;
		text.append(el('span', 'model__name', model.name),
			el('span', 'model__meta', `${capabilities(model) || model.description} · ${price} · ${typicalTime(model)}`));
		label.append(input, text);
		return label;
	}));
	container.closest('[data-model-picker]').hidden = models.length < 2;
}
