// A small event bus so parts of a page can react to each other without knowing each other:
// anything that charges or refunds says 'credits:changed', and the header re-reads the balance.

const target = new EventTarget();

export const bus = {
	emit(name, detail) {
		target.dispatchEvent(new CustomEvent(name, { detail }));
	},
	on(name, listener) {
		const handler = (event) => listener(event.detail);
		target.addEventListener(name, handler);
		return () => target.removeEventListener(name, handler);
	},
};
