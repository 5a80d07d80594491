package com.wanderframe.video.internal.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The local video generator: moves a camera over the still picture along the path its prompt
 * describes ({@link CameraPath}) and encodes the result as H.264 MP4.
 * <p>
 * Frames are sampled with sub-pixel (bilinear) precision straight into 4:2:0 planes, never
 * leaving the picture ({@link Framing}). Rendering overlaps encoding: renderer threads fill a few
 * reusable frames while this thread hands finished ones to x264, so memory stays the same
 * however long the clip. Safe to use from several threads at once; each call has its own
 * encoder and threads, and at most {@link RenderProperties#concurrency()} calls render at a time
 * (the rest wait), each with {@link RenderProperties#encoderThreads()} x264 threads.
 */
@Component
public class LocalMotionRenderer {

	private static final Logger log = LoggerFactory.getLogger(LocalMotionRenderer.class);

	/**
	 * Most source pixels one output pixel may span before the source is shrunk first: beyond
	 * about 1.5, bilinear sampling starts to skip pixels and fine detail shimmers as it moves.
	 */
	static final double MAX_SOURCE_PIXELS_PER_OUTPUT_PIXEL = 1.5;

	/** Widest and tallest video shape; a more extreme picture is cropped to this. */
	static final double MAX_ASPECT = 3.0;

	/** Frames each renderer thread may have waiting for the encoder. */
	private static final int FRAMES_PER_WORKER = 2;

	private static final AtomicInteger threadNumbers = new AtomicInteger();

	private final int workers;

	private final int encoderThreads;

	/** Renders that may run at once; the others wait their turn (fairly, in arrival order). */
	private final Semaphore slots;

	public LocalMotionRenderer() {
		this(RenderProperties.defaults());
	}

	@Autowired
	public LocalMotionRenderer(RenderProperties properties) {
		this(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() / 2)), properties);
	}

	LocalMotionRenderer(int workers) {
		this(workers, RenderProperties.defaults());
	}

	LocalMotionRenderer(int workers, RenderProperties properties) {
		this.workers = workers;
		this.encoderThreads = properties.encoderThreads();
		this.slots = new Semaphore(properties.concurrency(), true);
	}

	/**
	 * Renders {@code request} into {@code mp4} (replaced if present; removed again if rendering
	 * fails), calling {@code progressPercent} with 0 to 100 as frames are encoded.
	 * @throws InterruptedIOException if the calling thread is interrupted; the interrupt stays set
	 */
	public void render(RenderRequest request, Path mp4, IntConsumer progressPercent) throws IOException {
		render(request, null, mp4, progressPercent);
	}

	/**
	 * As {@link #render(RenderRequest, Path, IntConsumer)}, with the camera the person directed
	 * ({@code camera}, checked against the image) instead of the prompt's camera language; null
	 * for the prompt's.
	 */
	public void render(RenderRequest request, CameraMove camera, Path mp4, IntConsumer progressPercent)
			throws IOException {
		try {
			slots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for a render slot");
		}
		try {
			renderNow(request, camera, mp4, progressPercent);
		}
		finally {
			slots.release();
		}
	}

	private void renderNow(RenderRequest request, CameraMove camera, Path mp4, IntConsumer progressPercent)
			throws IOException {
		int[] size = outputSize(request.image().getWidth(), request.image().getHeight(), request.shortSide());
		int width = size[0], height = size[1], frames = request.frameCount();
		Atmosphere atmosphere = Atmosphere.parse(request.prompt());
		// "still" holds the camera: only the place itself moves
		CameraPath path = CameraPath.parse(atmosphere.still() ? "static camera" : request.prompt());
		List<Pose> poses = camera == null ? (atmosphere.loop() ? loopingPoses(path, frames, request.fps())
				: poses(path, frames, request.fps()))
				: camera.poses(request.image().getWidth(), request.image().getHeight(), width, height, frames);
		// A directed camera shows exactly the chosen frames, so it moves over the flat picture:
		// parallax would move the near layers past them.
		if (request.layers() != null && camera == null) {
			renderLayered(request.layers(), request, mp4, progressPercent, width, height, poses, atmosphere);
			return;
		}
		if (atmosphere.weather()) {
			// a flat picture with rain, snow or fog asked for: one layer, the weather over it
			renderLayered(SceneLayers.flat(request.image()), request, mp4, progressPercent, width, height, poses,
					atmosphere);
			return;
		}

		Framing framing = new Framing(request.image().getWidth(), request.image().getHeight(), width, height, poses);
		double widest = poses.stream().mapToDouble((pose) -> framing.viewport(pose).scale()).max().orElse(1);
		SourcePlanes source = SourcePlanes.of(request.image(), Math.min(1, MAX_SOURCE_PIXELS_PER_OUTPUT_PIXEL / widest));
		Framing fitted = new Framing(source.width, source.height, width, height, poses);
		Framing.Viewport[] viewports = poses.stream().map(fitted::viewport).toArray(Framing.Viewport[]::new);
		log.debug("Rendering {}x{}, {} frames, path {}, source {}x{}, fit {}", width, height, frames, path.describe(),
				source.width, source.height, fitted.fit());

		encodeAll(mp4, width, height, request.fps(), frames,
				(shape) -> (index, frame) -> source.render(viewports[index], frame), progressPercent);
	}

	/**
	 * Through the layers: the path is fitted with room for the layer that moves most, so every
	 * layer's own viewport stays inside the picture all the way.
	 */
	private void renderLayered(SceneLayers layers, RenderRequest request, Path mp4, IntConsumer progressPercent,
			int width, int height, List<Pose> poses, Atmosphere atmosphere) throws IOException {
		LayeredPath path = LayeredPath.of(layers, poses, width, height);
		LayeredSource source = new LayeredSource(layers, path.scale(), path.viewports(), atmosphere, request.fps(),
				width, height);
		log.debug("Rendering {}x{} through {} layers, source {}x{}", width, height, layers.layers().size(),
				source.width(), source.height());
		encodeAll(mp4, width, height, request.fps(), poses.size(), (shape) -> {
			LayeredSource.Painter painter = source.painter(shape);
			return painter::paint;
		}, progressPercent);
	}

	/**
	 * The camera's path through layers: the scale the layers are sampled at and each frame's
	 * viewport on them.
	 */
	record LayeredPath(double scale, Framing.Viewport[] viewports) {

		/**
		 * Output pixels kept free at each side of a layered clip, even with the camera holding:
		 * room for the sky to drift (up to 8) and rows of water, trees and the person to sway
		 * (up to 6), which the picture's edge would otherwise hold still.
		 */
		static final int AMBIENT_ROOM = 16;

		/**
		 * The path fitted with room for the layer that moves most, so every layer's own
		 * viewport stays inside the picture all the way.
		 */
		static LayeredPath of(SceneLayers layers, List<Pose> poses, int width, int height) {
			BufferedImage first = layers.layers().get(0).image();
			double most = layers.layers().stream().mapToDouble(SceneLayers.Layer::parallax).max().orElse(1);
			List<Pose> roomy = poses.stream()
				.map((pose) -> new Pose(Math.pow(pose.zoom(), most), pose.x() * most, pose.y() * most, pose.roll()))
				.toList();
			// a scene where nothing sways (a framed print) is framed as the flat picture would be
			double closer = layers.swaysOnItsOwn() ? 1 + 2.0 * AMBIENT_ROOM / width : 1;
			List<Pose> framed = poses.stream()
				.map((pose) -> new Pose(pose.zoom() * closer, pose.x(), pose.y(), pose.roll()))
				.toList();
			Framing framing = new Framing(first.getWidth(), first.getHeight(), width, height, roomy);
			double widest = framed.stream().mapToDouble((pose) -> framing.viewport(pose).scale()).max().orElse(1);
			double scale = Math.min(1, MAX_SOURCE_PIXELS_PER_OUTPUT_PIXEL / widest);
			int sourceWidth = Math.max(2, (int) Math.round(first.getWidth() * scale) & ~1);
			int sourceHeight = Math.max(2, (int) Math.round(first.getHeight() * scale) & ~1);
			Framing fitted = new Framing(sourceWidth, sourceHeight, width, height, roomy);
			return new LayeredPath(scale, framed.stream().map(fitted::viewport).toArray(Framing.Viewport[]::new));
		}

	}

	/** Paints frame {@code index} into {@code frame}; one per renderer thread, with its own scratch. */
	interface FramePainter {

		void paint(int index, YuvFrame frame);

	}

	private void encodeAll(Path mp4, int width, int height, int fps, int frames,
			java.util.function.Function<YuvFrame, FramePainter> painters, IntConsumer progressPercent)
			throws IOException {
		progressPercent.accept(0);
		boolean done = false;
		try (H264Encoder encoder = new H264Encoder(mp4, width, height, fps, encoderThreads)) {
			encode(painters, frames, encoder, progressPercent);
			encoder.finish();
			done = true;
		}
		finally {
			if (!done) {
				Files.deleteIfExists(mp4);
			}
		}
		progressPercent.accept(100);
	}

	private void encode(java.util.function.Function<YuvFrame, FramePainter> painters, int frames,
			H264Encoder encoder, IntConsumer progressPercent) throws IOException {
		int count = Math.min(workers, frames);
		List<Worker> started = new ArrayList<>();
		try {
			for (int w = 0; w < count; w++) {
				Worker worker = new Worker(painters, frames, w, count, encoder);
				started.add(worker);
				worker.thread.start();
			}
			int reported = 0;
			for (int i = 0; i < frames; i++) {
				Worker worker = started.get(i % count);
				Object next = worker.rendered.take();
				if (next instanceof Throwable failure) {
					throw new IOException("Rendering frame " + i + " failed", failure);
				}
				YuvFrame frame = (YuvFrame) next;
				encoder.encode(frame);
				worker.free.add(frame);
				// 100 only once the file is complete
				int percent = (int) ((i + 1) * 99L / frames);
				if (percent != reported) {
					reported = percent;
					progressPercent.accept(percent);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Rendering was interrupted");
		}
		finally {
			for (Worker worker : started) {
				worker.thread.interrupt();
			}
			for (Worker worker : started) {
				joinQuietly(worker.thread);
			}
		}
	}

	/** Renders every {@code count}-th frame from {@code first}, in order, into its own few frames. */
	private static final class Worker implements Runnable {

		final BlockingQueue<YuvFrame> free = new ArrayBlockingQueue<>(FRAMES_PER_WORKER);

		/** Rendered frames in order, or the Throwable that stopped this worker. */
		final BlockingQueue<Object> rendered = new ArrayBlockingQueue<>(FRAMES_PER_WORKER + 1);

		final Thread thread;

		private final FramePainter painter;

		private final int frames, first, step;

		Worker(java.util.function.Function<YuvFrame, FramePainter> painters, int frames, int first, int step,
				H264Encoder encoder) {
			this.frames = frames;
			this.first = first;
			this.step = step;
			for (int i = 0; i < FRAMES_PER_WORKER; i++) {
				free.add(encoder.newFrame());
			}
			this.painter = painters.apply(free.peek());
			this.thread = new Thread(this, "motion-render-" + threadNumbers.incrementAndGet());
			this.thread.setDaemon(true);
		}

		@Override
		public void run() {
			try {
				for (int i = first; i < frames; i += step) {
					YuvFrame frame = free.take();
					painter.paint(i, frame);
					rendered.put(frame);
				}
			}
			catch (InterruptedException ex) {
				// the encoding side stopped: nothing more is wanted
			}
			catch (Throwable ex) {
				rendered.offer(ex);
			}
		}

	}

	private static void joinQuietly(Thread thread) {
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	static List<Pose> poses(CameraPath path, int frames, int fps) {
		List<Pose> poses = new ArrayList<>(frames);
		for (int i = 0; i < frames; i++) {
			poses.add(path.at(frames > 1 ? (double) i / (frames - 1) : 0, (double) i / fps));
		}
		return poses;
	}

	/**
	 * The path out and back: the camera goes along it to the end half way through the clip and
	 * returns, eased both ways ({@code 0.5 - 0.5 cos}), so the frame after the last would be the
	 * first again and the clip loops without a seam even while the camera moves (the scene's own
	 * motion repeats a whole number of times in the clip too). Handheld shake retraces its time
	 * the same way.
	 */
	static List<Pose> loopingPoses(CameraPath path, int frames, int fps) {
		List<Pose> poses = new ArrayList<>(frames);
		double halfway = frames / 2.0 / fps;
		for (int i = 0; i < frames; i++) {
			double outAndBack = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frames);
			poses.add(path.at(outAndBack, outAndBack * halfway));
		}
		return poses;
	}

	/**
	 * The video's size: the picture's shape (within 3:1 either way) with the short side
	 * {@code shortSide}, both sides even as 4:2:0 needs.
	 */
	static int[] outputSize(int imageWidth, int imageHeight, int shortSide) {
		double aspect = Math.max(1 / MAX_ASPECT, Math.min(MAX_ASPECT, (double) imageWidth / imageHeight));
		if (aspect >= 1) {
			return new int[] { even(shortSide * aspect), shortSide };
		}
		return new int[] { shortSide, even(shortSide / aspect) };
	}

	private static int even(double value) {
		return Math.max(2, 2 * (int) Math.round(value / 2));
	}

}
