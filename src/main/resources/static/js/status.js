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

/** The person's sentence for why a generation failed. */
export function errorMessage(item) {
	return (item && item.error && item.error.message) || 'Something went wrong.';
}
