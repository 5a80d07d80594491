package com.wanderframe.imaging.internal;

/** An image that could not be made, with a stable code and a sentence for the person. */
class ImageGenerationException extends RuntimeException {

	private final String code;

	ImageGenerationException(String code, String message) {
		super(message);
		this.code = code;
	}

	ImageGenerationException(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	String code() {
		return code;
	}

}
