package com.wanderframe.video.internal.render;

/**
 * One reusable 4:2:0 picture: full-size luma and quarter-size chroma planes, rows
 * {@code stride} bytes apart (the encoder's own line sizes, so a frame goes over in one copy
 * per plane).
 */
final class YuvFrame {

	final int width, height, lumaStride, chromaStride;

	final byte[] y, u, v;

	/** Scratch for the renderer: per output column, source offset and weight (see SourcePlanes). */
	final int[] lumaColumns, chromaColumns;

	YuvFrame(int width, int height, int lumaStride, int chromaStride) {
		this.width = width;
		this.height = height;
		this.lumaStride = lumaStride;
		this.chromaStride = chromaStride;
		this.y = new byte[lumaStride * height];
		this.u = new byte[chromaStride * (height / 2)];
		this.v = new byte[chromaStride * (height / 2)];
		this.lumaColumns = new int[width];
		this.chromaColumns = new int[width / 2];
	}

}
