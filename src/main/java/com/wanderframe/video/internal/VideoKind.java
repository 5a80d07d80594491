package com.wanderframe.video.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.wanderframe.generation.Failure;
import com.wanderframe.generation.GenerationFailedException;
import com.wanderframe.generation.GenerationInputs;
import com.wanderframe.generation.GenerationKind;
import com.wanderframe.generation.GenerationRow;
import com.wanderframe.generation.GenerationTable;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.generation.Timing;
import com.wanderframe.media.MediaStore;
import com.wanderframe.video.internal.render.Mp4Files;
import com.wanderframe.video.internal.render.VideoInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Step 4 as the engine sees it. Completing checks that the file really is a playable video (with
 * or without a sound track), stores it with a poster frame, and only then lets the row claim them.
 */
@Component
class VideoKind implements GenerationKind {

	private static final Logger log = LoggerFactory.getLogger(VideoKind.class);

	/** The context entry with the camera the person directed, for the local renderer. */
	static final String CAMERA = "camera";

	private final VideoGenerations generations;

	private final MediaStore media;

	private final VideoProperties properties;

	VideoKind(VideoGenerations generations, MediaStore media, VideoProperties properties) {
		this.generations = generations;
		this.media = media;
		this.properties = properties;
	}

	@Override
	public ModelKind kind() {
		return ModelKind.VIDEO;
	}

	@Override
	public String noun() {
		return "video";
	}

	@Override
	public GenerationTable table() {
		return generations.table();
	}

	@Override
	public Timing timing() {
		return new Timing(properties.deadline(), properties.firstPoll(), properties.maxPollInterval(),
				properties.reconciliationPoll(), false);
	}

	@Override
	public GenerationInputs inputs(GenerationRow row) {
		VideoGeneration.VideoRequest request = generations.find(row.id().value()).orElseThrow().request();
		Map<String, String> images = new LinkedHashMap<>();
		images.put(GenerationInputs.FIRST_FRAME, request.imageKey());
		if (request.endImageKey() != null) {
			images.put(GenerationInputs.END_FRAME, request.endImageKey());
		}
		return new GenerationInputs(request.effectivePrompt(), images, request.durationSeconds(),
				request.resolution(), request.promptOptimizer(), request.audio(), request.negativePrompt(),
				request.aspectRatio(), request.camera() == null ? Map.of()
						: Map.of(CAMERA, VideoGenerations.cameraJson(request.camera())), request.seed());
	}

	@Override
	public void complete(GenerationRow row, Path mp4) throws IOException {
		VideoInfo info;
		try {
			info = Mp4Files.probe(mp4);
		}
		catch (IOException ex) {
			log.warn("Generation {} produced no readable video: {}", row.id(), ex.getMessage());
			throw new GenerationFailedException(Failure.Reason.OUTPUT_INVALID, "unreadable video", ex);
		}
		if (info.frameCount() == 0) {
			throw new GenerationFailedException(Failure.Reason.OUTPUT_INVALID, "empty video");
		}
		int asked = generations.find(row.id().value()).orElseThrow().request().durationSeconds();
		// Every model we run outputs H.264; a file in another codec is not the model's.
		var problem = PlayableVideo.problem(info, PlayableVideo.H264, asked);
		if (problem.isPresent()) {
			log.warn("Generation {} produced an unusable video: {}", row.id(), problem.get());
			throw new GenerationFailedException(Failure.Reason.OUTPUT_INVALID, problem.get());
		}
		Path poster = mp4.resolveSibling(row.id() + "-poster.jpg");
		try {
			Mp4Files.writePoster(mp4, poster);
			String base = "videos/" + row.userId() + "/" + row.id();
			boolean completed = false;
			try {
				media.put(base + ".mp4", mp4, "video/mp4");
				media.put(base + ".jpg", poster, "image/jpeg");
				completed = generations.table()
					.complete(row.id(), Map.of("video_url", base + ".mp4", "poster_url", base + ".jpg"));
			}
			finally {
				if (!completed) {
					// Storage failed, or it ended another way meanwhile (the deadline): no orphans.
					deleteQuietly(base + ".mp4");
					deleteQuietly(base + ".jpg");
				}
			}
		}
		finally {
			Files.deleteIfExists(poster);
		}
	}

	private void deleteQuietly(String key) {
		try {
			media.delete(key);
		}
		catch (IOException ex) {
			log.warn("Could not remove {}", key, ex);
		}
	}

}
