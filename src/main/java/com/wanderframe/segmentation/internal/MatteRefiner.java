package com.wanderframe.segmentation.internal;

import java.awt.image.BufferedImage;

/**
 * Turns the model's coarse 256×256 mask into a soft matte at the photo's resolution, and the
 * person's colours at the edges free of the old background. No Java library offers a guided
 * filter or foreground estimation (OpenCV's would bring ~100 MB of natives for two filters), so
 * both are here: box filters by running sums, linear in the pixel count.
 */
public final class MatteRefiner {

	/** The matte and the person's own colours (opaque RGB; use with the matte as alpha). */
	public record Refined(int width, int height, float[] alpha, int[] foreground) {
	}

	private MatteRefiner() {
	}

	public static Refined refine(BufferedImage photo, float[] coarse, int coarseSize) {
		int w = photo.getWidth();
		int h = photo.getHeight();
		int[] rgb = photo.getRGB(0, 0, w, h, null, 0, w);
		float[] guide = new float[w * h];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			guide[i] = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
		}
		float[] upsampled = upsample(coarse, coarseSize, w, h);
		int radius = Math.max(3, Math.round(Math.max(w, h) / 90f));
		float[] filtered = guidedFilter(guide, upsampled, w, h, radius, 2e-3f);
		// A second, finer pass follows the photo's own edges (hair, shoulders) more closely.
		filtered = guidedFilter(guide, filtered, w, h, Math.max(2, radius / 3), 1e-3f);
		float[] alpha = new float[w * h];
		for (int i = 0; i < alpha.length; i++) {
			alpha[i] = smoothstep(0.18f, 0.82f, filtered[i]);
		}
		return new Refined(w, h, alpha, foreground(rgb, alpha, w, h, radius * 2));
	}

	static float smoothstep(float from, float to, float value) {
		float t = Math.max(0, Math.min(1, (value - from) / (to - from)));
		return t * t * (3 - 2 * t);
	}

	/** Bilinear, cell centres aligned, from {@code size×size} to {@code w×h}. */
	static float[] upsample(float[] coarse, int size, int w, int h) {
		float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			float sy = Math.max(0, Math.min(size - 1.001f, (y + 0.5f) * size / h - 0.5f));
			int y0 = (int) sy;
			float fy = sy - y0;
			for (int x = 0; x < w; x++) {
				float sx = Math.max(0, Math.min(size - 1.001f, (x + 0.5f) * size / w - 0.5f));
				int x0 = (int) sx;
				float fx = sx - x0;
				int i = y0 * size + x0;
				float top = coarse[i] + (coarse[i + 1] - coarse[i]) * fx;
				float bottom = coarse[i + size] + (coarse[i + size + 1] - coarse[i + size]) * fx;
				out[y * w + x] = Math.max(0, Math.min(1, top + (bottom - top) * fy));
			}
		}
		return out;
	}

	/** He, Sun and Tang's guided filter with a grey guide: edges of {@code guide} shape {@code input}. */
	static float[] guidedFilter(float[] guide, float[] input, int w, int h, int radius, float eps) {
		int n = w * h;
		float[] ii = new float[n];
		float[] ip = new float[n];
		for (int i = 0; i < n; i++) {
			ii[i] = guide[i] * guide[i];
			ip[i] = guide[i] * input[i];
		}
		float[] meanI = box(guide, w, h, radius);
		float[] meanP = box(input, w, h, radius);
		float[] corrI = box(ii, w, h, radius);
		float[] corrIP = box(ip, w, h, radius);
		float[] a = ii;
		float[] b = ip;
		for (int i = 0; i < n; i++) {
			float variance = corrI[i] - meanI[i] * meanI[i];
			float covariance = corrIP[i] - meanI[i] * meanP[i];
			a[i] = covariance / (variance + eps);
			b[i] = meanP[i] - a[i] * meanI[i];
		}
		float[] meanA = box(a, w, h, radius);
		float[] meanB = box(b, w, h, radius);
		float[] out = new float[n];
		for (int i = 0; i < n; i++) {
			out[i] = Math.max(0, Math.min(1, meanA[i] * guide[i] + meanB[i]));
		}
		return out;
	}

	/** The mean over a (2r+1)² window, clipped at the borders; running sums, so any radius costs the same. */
	static float[] box(float[] values, int w, int h, int radius) {
		float[] horizontal = new float[values.length];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			double sum = 0;
			int count = 0;
			for (int x = 0; x <= Math.min(radius, w - 1); x++) {
				sum += values[row + x];
				count++;
			}
			for (int x = 0; x < w; x++) {
				horizontal[row + x] = (float) (sum / count);
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
			double sum = 0;
			int count = 0;
			for (int y = 0; y <= Math.min(radius, h - 1); y++) {
				sum += horizontal[y * w + x];
				count++;
			}
			for (int y = 0; y < h; y++) {
				out[y * w + x] = (float) (sum / count);
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

	/**
	 * The person's colour under each pixel: where the matte is partial, the photo's colour is
	 * part person, part old background; both are estimated from nearby confident pixels and the
	 * person's share solved for, so a cut-out on a new scene carries no fringe of the old one.
	 */
	static int[] foreground(int[] rgb, float[] alpha, int w, int h, int radius) {
		int n = w * h;
		float[][] fgSums = new float[3][];
		float[][] bgSums = new float[3][];
		float[] fgWeight = new float[n];
		float[] bgWeight = new float[n];
		for (int i = 0; i < n; i++) {
			float a = alpha[i];
			fgWeight[i] = a > 0.97f ? 1 : 0;
			bgWeight[i] = a < 0.03f ? 1 : 0;
		}
		for (int c = 0; c < 3; c++) {
			int shift = 16 - c * 8;
			float[] fg = new float[n];
			float[] bg = new float[n];
			for (int i = 0; i < n; i++) {
				float v = (rgb[i] >> shift) & 0xff;
				fg[i] = v * fgWeight[i];
				bg[i] = v * bgWeight[i];
			}
			fgSums[c] = box(fg, w, h, radius);
			bgSums[c] = box(bg, w, h, radius);
		}
		float[] fgMean = box(fgWeight, w, h, radius);
		float[] bgMean = box(bgWeight, w, h, radius);
		int[] out = new int[n];
		for (int i = 0; i < n; i++) {
			float a = alpha[i];
			if (a > 0.97f || a < 0.005f || fgMean[i] < 1e-4f) {
				out[i] = rgb[i] | 0xff000000;
				continue;
			}
			int pixel = 0xff000000;
			for (int c = 0; c < 3; c++) {
				int shift = 16 - c * 8;
				float observed = (rgb[i] >> shift) & 0xff;
				float nearbyPerson = fgSums[c][i] / fgMean[i];
				float nearbyBackground = bgMean[i] > 1e-4f ? bgSums[c][i] / bgMean[i] : nearbyPerson;
				float solved = (observed - (1 - a) * nearbyBackground) / Math.max(a, 0.05f);
				solved = Math.max(Math.min(solved, 255), 0);
				// Trust the solved colour where the person dominates, the nearby person's colour where not.
				float t = smoothstep(0.15f, 0.85f, a);
				float value = nearbyPerson + (solved - nearbyPerson) * t;
				pixel |= Math.max(0, Math.min(255, Math.round(value))) << shift;
			}
			out[i] = pixel;
		}
		return out;
	}

}
