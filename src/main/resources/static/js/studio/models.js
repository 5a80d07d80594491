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
	// With one model there is nothing to choose: no picker at all.
	container.closest('[data-model-picker]').hidden = models.length < 2;
	if (models.length < 2) {
		container.replaceChildren();
		return;
	}
	container.replaceChildren(...models.map((model) => {
		// The radio is named by the model's name alone; what it can do and costs describes it.
		const card = el('div', 'model');
		const label = el('label', 'model__name');
		label.dataset.model = model.id;
		const input = document.createElement('input');
		input.type = 'radio';
		input.name = name;
		input.value = model.id;
		input.checked = model.id === selectedId;
		input.addEventListener('change', () => onChange(model));
		const price = kind === 'image' ? credits(model.costs.image) : `from ${credits(cheapest(model))}`;
		const meta = el('span', 'model__meta', `${capabilities(model) || model.description} · ${price} · ${typicalTime(model)}`);
		meta.id = `${name}-${model.id.replace(/[^a-z0-9]+/gi, '-')}-about`;
		input.setAttribute('aria-describedby', meta.id);
		label.append(input, document.createTextNode(model.name));
		card.append(label, meta);
		return card;
	}));
}
