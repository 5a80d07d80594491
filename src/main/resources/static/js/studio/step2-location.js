// Step 2: choose a location.
import { api } from '../api.js';
import { $, el } from '../dom.js';
import { nextStep, open, state, stopFollowing } from './state.js';

const locationList = $('[data-locations]');
const locationsStatus = $('[data-locations-status]');

export async function loadLocations() {
	try {
		state.locations = await api('/api/locations');
		locationsStatus.textContent = '';
		locationsStatus.hidden = true;
		locationList.replaceChildren(...state.locations.map((location) => {
			const item = el('li');
			const button = el('button', 'location');
			button.type = 'button';
			button.dataset.location = location.slug;
			button.setAttribute('aria-pressed', 'false');
			const image = el('img');
			image.src = location.previewUrl;
			image.alt = '';
			image.loading = 'lazy';
			image.width = 320;
			image.height = 180;
			const text = el('span', 'location__text');
			text.append(el('span', 'location__name', location.name),
				el('span', 'location__description', location.description));
			button.append(image, text);
			button.addEventListener('click', () => chooseLocation(location));
			item.append(button);
			return item;
		}));
		markChosenLocation();
	}
	catch (error) {
		locationsStatus.textContent = `The places could not be loaded: ${error.message}`;
	}
}

export function markChosenLocation() {
	locationList.querySelectorAll('[data-location]').forEach((button) => {
		button.setAttribute('aria-pressed', String(state.location !== null && button.dataset.location === state.location.slug));
	});
}

function chooseLocation(location) {
	if (!state.location || state.location.slug !== location.slug) {
		state.location = location;
		state.image = null;
		state.video = null;
		stopFollowing();
	}
	markChosenLocation();
	open(nextStep());
}
