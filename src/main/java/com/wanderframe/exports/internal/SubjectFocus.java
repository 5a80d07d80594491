package com.wanderframe.exports.internal;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.media.MediaStore;
import com.wanderframe.segmentation.PersonMatte;
import com.wanderframe.segmentation.PersonSegmentation;
import com.wanderframe.video.VideoRef;

import org.springframework.stereotype.Component;

/**
 * Where a crop centres when the person named no focus point: on the person, found by the same
 * segmentation that cut them out of their photo, run on the video's own poster frame (a frame of
 * what is exported, so it is right for any model and any camera move, unlike a position in the
 * start image). Nobody found (a landscape, no model on this build): empty, and the crop stays
 * in the centre.
 */
@Component
class SubjectFocus {

	private static final Logger log = LoggerFactory.getLogger(SubjectFocus.class);

	/**
	 * How far down the person the crop centres: a little above their middle, so a tall crop of a
	 * wide picture keeps the face rather than the knees when it cannot keep everything.
	 */
	static final double DOWN_THE_PERSON = 0.4;

	private final PersonSegmentation segmentation;

	private final MediaStore media;

	SubjectFocus(PersonSegmentation segmentation, MediaStore media) {
		this.segmentation = segmentation;
		this.media = media;
	}

	/** The point to centre on, as fractions of the frame from the top left. */
	Optional<double[]> of(VideoRef video) {
		if (video.posterKey() == null || !segmentation.available()) {
			return Optional.empty();
		}
		BufferedImage poster;
		try (InputStream in = media.open(video.posterKey())) {
			poster = ImageIO.read(in);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not read the poster of video {} to find its subject: {}", video.id(), ex.toString());
			return Optional.empty();
		}
		if (poster == null) {
			return Optional.empty();
		}
		return segmentation.find(poster).map(SubjectFocus::centre);
	}

	static double[] centre(PersonMatte matte) {
		Rectangle person = matte.bounds();
		return new double[] { (person.x + person.width / 2.0) / matte.width(),
				(person.y + person.height * DOWN_THE_PERSON) / matte.height() };
	}

}
