// Small DOM helpers shared by the pages' scripts.

export const $ = (selector, root = document) => root.querySelector(selector);

export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** A new element with an optional class and text. */
export function el(tag, className, text) {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** A labelled radio button: `<label><input type=radio> text</label>`. */
export function radio(name, value, text, checked, onChange) {
	const label = document.createElement('label');
	const input = document.createElement('input');
	input.type = 'radio';
	input.name = name;
	input.value = value;
	input.checked = checked;
	if (onChange) input.addEventListener('change', onChange);
	label.append(input, document.createTextNode(text));
	return label;
}

/** The value of the checked radio called `name` inside `root`, or null. */
export function chosen(root, name) {
	const input = root.querySelector(`input[name="${name}"]:checked`);
	return input ? input.value : null;
}
