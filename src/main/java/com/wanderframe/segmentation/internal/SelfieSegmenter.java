package com.wanderframe.segmentation.internal;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MediaPipe's selfie segmentation model ({@code selfie_segmentation.tflite}, 256×256 RGB in
 * 0..1, one probability per pixel out) in a TensorFlow Lite interpreter. One interpreter,
 * used by one caller at a time: a run takes a few tens of milliseconds.
 */
public final class SelfieSegmenter implements AutoCloseable {

	public static final String MODEL_RESOURCE = "models/selfie_segmentation.tflite";

	public static final int SIZE = 256;

	private static final Logger log = LoggerFactory.getLogger(SelfieSegmenter.class);

	// Kept as fields: the native interpreter points into all of them.
	private final BytePointer modelBytes;

	private final FlatBufferModel model;

	private final BuiltinOpResolverWithoutDefaultDelegates resolver;

	private final TransposeConvBias transposeConvBias;

	private final Interpreter interpreter;

	private SelfieSegmenter(byte[] bytes) {
		modelBytes = new BytePointer(bytes);
		model = FlatBufferModel.BuildFromBuffer(modelBytes, bytes.length);
		if (model == null || model.isNull()) {
			throw new IllegalStateException("not a TensorFlow Lite model");
		}
		// Without default delegates, so every operator, ours included, runs as registered here.
		resolver = new BuiltinOpResolverWithoutDefaultDelegates();
		transposeConvBias = new TransposeConvBias();
		resolver.AddCustom(TransposeConvBias.NAME, transposeConvBias.registration());
		interpreter = new Interpreter((org.bytedeco.javacpp.Pointer) null);
		InterpreterBuilder builder = new InterpreterBuilder(model, resolver);
		if (builder.apply(interpreter) != kTfLiteOk || interpreter.isNull()) {
			throw new IllegalStateException("the interpreter could not be built");
		}
		interpreter.SetNumThreads(1);
		if (interpreter.AllocateTensors() != kTfLiteOk) {
			throw new IllegalStateException("the model's tensors could not be allocated");
		}
	}

	/** The model from the classpath, or empty when the build could not fetch it. */
	public static Optional<SelfieSegmenter> load() {
		try (InputStream in = SelfieSegmenter.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
			if (in == null) {
				log.warn("No {} on the classpath (npm was not available at build time): photos are framed whole "
						+ "instead of the person being cut out", MODEL_RESOURCE);
				return Optional.empty();
			}
			return Optional.of(new SelfieSegmenter(in.readAllBytes()));
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			log.warn("The person segmentation model could not be loaded ({}): photos are framed whole instead",
					ex.toString());
			return Optional.empty();
		}
	}

	/** The probability of "person" for each of the {@link #SIZE}×{@link #SIZE} cells over the photo. */
	public synchronized float[] probabilities(BufferedImage photo) {
		BufferedImage small = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(Images.halvedToward(photo, SIZE, SIZE), 0, 0, SIZE, SIZE, null);
		g.dispose();
		int[] rgb = small.getRGB(0, 0, SIZE, SIZE, null, 0, SIZE);
		float[] input = new float[SIZE * SIZE * 3];
		for (int i = 0; i < rgb.length; i++) {
			input[i * 3] = ((rgb[i] >> 16) & 0xff) / 255f;
			input[i * 3 + 1] = ((rgb[i] >> 8) & 0xff) / 255f;
			input[i * 3 + 2] = (rgb[i] & 0xff) / 255f;
		}
		FloatPointer in = interpreter.typed_input_tensor_float(0);
		in.put(input);
		if (interpreter.Invoke() != kTfLiteOk) {
			throw new IllegalStateException("the segmentation model failed");
		}
		float[] out = new float[SIZE * SIZE];
		interpreter.typed_output_tensor_float(0).get(out);
		return out;
	}

	@Override
	public synchronized void close() {
		interpreter.close();
		resolver.close();
		model.close();
		modelBytes.close();
	}

}
