// The status vocabulary of every generation, image or video, in one place: the server's statuses
// (generation.GenerationStatus) and the words a person reads for them.

export const PENDING = 'pending';
export const PROCESSING = 'processing';
export const COMPLETED = 'completed';
export const FAILED = 'failed';

/** The badge word for a status. */
export const STATUS_WORDS = {
	[PENDING]: 'Queued', [PROCESSING]: 'Generating', [COMPLETED]: 'Ready', [FAILED]: 'Failed',
};

export function isTerminal(item) {
	return Boolean(item) && (item.status === COMPLETED || item.status === FAILED);
}

export function isCompleted(item) {
	return Boolean(item) && item.status === COMPLETED;
}

export function isFailed(item) {
	return Boolean(item) && item.status === FAILED;
}

export function isRunning(item) {
	return Boolean(item) && !isTerminal(item);
}

/**
 * What a person reads while a generation waits for a render slot: its place in the queue
 * (`queueAhead`, from the server) when it has one.
 */
export function queuedText(item) {
	const ahead = item ? item.queueAhead : null;
	if (ahead === null || ahead === undefined) {
		return 'Queued: your video starts in a moment…';
	}
	return ahead === 0 ? 'Queued: yours is next…' : `Queued, ${ahead} ahead of yours…`;
}

/** The person's sentence for why a generation failed. */
export function errorMessage(item) {
	return (item && item.error && item.error.message) || 'Something went wrong.';
}
