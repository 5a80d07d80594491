package com.wanderframe.exports.internal;

/** The files an export can be, with what FFmpeg makes them with. */
enum ExportFormat {

	MP4("mp4", "video/mp4", "mp4", "libx264"),

	/** Animated GIF: 256 colours per clip from a palette generated for it (FFmpeg's palettegen). */
	GIF("gif", "image/gif", "gif", "gif"),

	/** VP9 in WebM. */
	WEBM("webm", "video/webm", "webm", "libvpx-vp9");

	/** GIF frame delays are whole hundredths of a second: 20 fps is exactly 5 of them. */
	static final int GIF_FPS = 20;

	/** GIFs are for chats and previews: this wide unless asked otherwise. */
	static final int GIF_DEFAULT_WIDTH = 480;

	final String value;

	final String contentType;

	final String muxer;

	final String encoder;

	ExportFormat(String value, String contentType, String muxer, String encoder) {
		this.value = value;
		this.contentType = contentType;
		this.muxer = muxer;
		this.encoder = encoder;
	}

	static ExportFormat of(String value) {
		for (ExportFormat format : values()) {
			if (format.value.equals(value)) {
				return format;
			}
		}
		return null;
	}

}
