package com.wanderframe.imaging.internal;

/** Box blurs by running sums (any radius costs the same), on one float channel. */
final class Filters {

	private Filters() {
	}

	static float[] box(float[] values, int w, int h, int radius) {
		float[] horizontal = new float[values.length];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			float sum = 0;
			int count = 0;
			for (int x = 0; x <= Math.min(radius, w - 1); x++) {
				sum += values[row + x];
				count++;
			}
			for (int x = 0; x < w; x++) {
				horizontal[row + x] = sum / count;
				int add = x + radius + 1;
				int remove = x - radius;
				if (add < w) {
					sum += values[row + add];
					count++;
				}
				if (remove >= 0) {
					sum -= values[row + remove];
					count--;
				}
			}
		}
		float[] out = new float[values.length];
		for (int x = 0; x < w; x++) {
			float sum = 0;
			int count = 0;
			for (int y = 0; y <= Math.min(radius, h - 1); y++) {
				sum += horizontal[y * w + x];
				count++;
			}
			for (int y = 0; y < h; y++) {
				out[y * w + x] = sum / count;
				int add = y + radius + 1;
				int remove = y - radius;
				if (add < h) {
					sum += horizontal[add * w + x];
					count++;
				}
				if (remove >= 0) {
					sum -= horizontal[remove * w + x];
					count--;
				}
			}
		}
		return out;
	}

	/** Three box passes: close to a Gaussian of about {@code radius}. */
	static float[] soft(float[] values, int w, int h, int radius) {
		int r = Math.max(1, radius / 2);
		return box(box(box(values, w, h, r), w, h, r), w, h, r);
	}

	/** Blurs packed RGB pixels channel by channel. */
	static int[] softRgb(int[] rgb, int w, int h, int radius) {
		float[][] channels = new float[3][rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			channels[0][i] = (rgb[i] >> 16) & 0xff;
			channels[1][i] = (rgb[i] >> 8) & 0xff;
			channels[2][i] = rgb[i] & 0xff;
		}
		for (int c = 0; c < 3; c++) {
			channels[c] = soft(channels[c], w, h, radius);
		}
		int[] out = new int[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			out[i] = 0xff000000 | (clamp(channels[0][i]) << 16) | (clamp(channels[1][i]) << 8) | clamp(channels[2][i]);
		}
		return out;
	}

	static int clamp(double value) {
		return (int) Math.max(0, Math.min(255, Math.round(value)));
	}

}
