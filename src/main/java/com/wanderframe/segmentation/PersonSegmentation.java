package com.wanderframe.segmentation;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;

import com.wanderframe.segmentation.internal.MatteRefiner;
import com.wanderframe.segmentation.internal.SelfieSegmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Finds the person in a photo. The model (MediaPipe selfie segmentation) is fetched at build
 * time; on a build without it {@link #available()} is false and every photo answers "no
 * person", so callers fall back to framing the whole photo.
 */
@Component
public class PersonSegmentation implements AutoCloseable {

	/** The long side a photo is worked on at: plenty for a person filling most of a 1080p frame. */
	public static final int MAX_SIDE = 1600;

	/** Less of the photo than this is noise, not a person. */
	static final double MIN_COVERAGE = 0.03;

	/**
	 * On a real person the model is sure almost everywhere it says "person"; on things it only
	 * half mistakes for one (a cup, a motorbike, a starfield) it is sure over half of it or less.
	 */
	static final double MIN_SURE_SHARE = 0.8;

	private static final Logger log = LoggerFactory.getLogger(PersonSegmentation.class);

	private final Optional<SelfieSegmenter> segmenter;

	public PersonSegmentation() {
		this.segmenter = SelfieSegmenter.load();
		segmenter.ifPresent(loaded -> log.info("Person segmentation: MediaPipe selfie segmentation, in-process"));
	}

	/** Whether a model is there to find people with. */
	public boolean available() {
		return segmenter.isPresent();
	}

	/** The person in the photo, or empty when there is none (or no model). */
	public Optional<PersonMatte> find(BufferedImage photo) {
		if (segmenter.isEmpty()) {
			return Optional.empty();
		}
		BufferedImage working = workingSize(photo);
		float[] coarse = segmenter.get().probabilities(working);
		int likely = 0;
		int sure = 0;
		for (float p : coarse) {
			if (p >= 0.5f) {
				likely++;
			}
			if (p >= 0.95f) {
				sure++;
			}
		}
		if (likely < MIN_COVERAGE * coarse.length || sure < MIN_SURE_SHARE * likely) {
			return Optional.empty();
		}
		MatteRefiner.Refined refined = MatteRefiner.refine(working, coarse, SelfieSegmenter.SIZE);
		PersonMatte matte = new PersonMatte(refined.width(), refined.height(), refined.alpha(), refined.foreground());
		return matte.coverage() < MIN_COVERAGE ? Optional.empty() : Optional.of(matte);
	}

	/** The photo as opaque RGB, scaled down to at most {@link #MAX_SIDE} on its long side. */
	static BufferedImage workingSize(BufferedImage photo) {
		double scale = Math.min(1, (double) MAX_SIDE / Math.max(photo.getWidth(), photo.getHeight()));
		int w = Math.max(1, (int) Math.round(photo.getWidth() * scale));
		int h = Math.max(1, (int) Math.round(photo.getHeight() * scale));
		if (scale == 1 && photo.getType() == BufferedImage.TYPE_INT_RGB) {
			return photo;
		}
		BufferedImage source = photo;
		while (source.getWidth() / 2 >= w && source.getHeight() / 2 >= h) {
			source = draw(source, source.getWidth() / 2, source.getHeight() / 2);
		}
		return draw(source, w, h);
	}

	private static BufferedImage draw(BufferedImage source, int w, int h) {
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(source, 0, 0, w, h, null);
		g.dispose();
		return out;
	}

	@Override
	public void close() {
		segmenter.ifPresent(SelfieSegmenter::close);
	}

}
