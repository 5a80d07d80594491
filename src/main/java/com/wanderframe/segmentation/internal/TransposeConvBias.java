package com.wanderframe.segmentation.internal;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteIntArrayCreate;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteError;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.tensorflowlite.TfLiteContext;
import org.bytedeco.tensorflowlite.TfLiteIntArray;
import org.bytedeco.tensorflowlite.TfLiteNode;
import org.bytedeco.tensorflowlite.TfLiteRegistration;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MediaPipe's custom operator {@code Convolution2DTransposeBias}: a transposed convolution
 * (float32, weights OHWI) whose output starts from a per-channel bias. Plain TensorFlow Lite
 * does not ship it and no Java library does, so it is written here from the operator's
 * published semantics (MediaPipe's {@code transpose_conv_bias.cc}); its parameters are a
 * {@code TfLiteTransposeConvParams} in the node's custom data.
 * <p>
 * The callbacks are javacpp function pointers, which must stay reachable for as long as an
 * interpreter built with {@link #registration()} lives, and of which javacpp allocates at most
 * ten per class in a process: so there is one pair per JVM, shared by every interpreter (each
 * Spring context in a test run builds its own), and they keep no state of their own.
 */
final class TransposeConvBias {

	static final String NAME = "Convolution2DTransposeBias";

	private static final Logger log = LoggerFactory.getLogger(TransposeConvBias.class);

	/** {@code kTfLitePaddingSame} in {@code TfLitePadding}. */
	private static final int PADDING_SAME = 1;

	private static final PrepareCallback PREPARE = new PrepareCallback();

	private static final InvokeCallback INVOKE = new InvokeCallback();

	private final TfLiteRegistration registration;

	TransposeConvBias() {
		registration = new TfLiteRegistration();
		registration.init(null);
		registration._free(null);
		registration.prepare(PREPARE);
		registration.invoke(INVOKE);
		registration.profiling_string(null);
		registration.builtin_code(0);
		registration.custom_name(null);
		registration.version(1);
		registration.registration_external(null);
		registration.inplace_operator(0);
	}

	TfLiteRegistration registration() {
		return registration;
	}

	private record Params(int padding, int strideWidth, int strideHeight) {

		static Params of(TfLiteNode node) {
			if (node.custom_initial_data() == null || node.custom_initial_data().isNull()
					|| node.custom_initial_data_size() < 12) {
				throw new IllegalStateException(NAME + " needs TfLiteTransposeConvParams");
			}
			IntPointer ints = new IntPointer(node.custom_initial_data());
			return new Params(ints.get(0), ints.get(1), ints.get(2));
		}

	}

	private static TfLiteTensor tensor(TfLiteContext context, TfLiteIntArray indices, int i) {
		return context.tensors().getPointer(indices.data(i));
	}

	private static int dim(TfLiteTensor tensor, int i) {
		return tensor.dims().data(i);
	}

	private static int size(TfLiteTensor tensor) {
		int n = 1;
		for (int i = 0; i < tensor.dims().size(); i++) {
			n *= tensor.dims().data(i);
		}
		return n;
	}

	/** Total padding along one axis for SAME, as TensorFlow Lite's transpose_conv computes it. */
	private static int padding(Params params, int filter, int in, int stride) {
		return params.padding() == PADDING_SAME ? Math.max(0, filter - (in - 1) % stride - 1) : 0;
	}

	private static final class PrepareCallback extends TfLiteRegistration.Prepare_TfLiteContext_TfLiteNode {

		@Override
		public int call(TfLiteContext context, TfLiteNode node) {
			try {
				if (node.inputs().size() != 3 || node.outputs().size() != 1) {
					throw new IllegalStateException(NAME + " takes 3 inputs and gives 1 output");
				}
				TfLiteTensor input = tensor(context, node.inputs(), 0);
				TfLiteTensor weights = tensor(context, node.inputs(), 1);
				TfLiteTensor bias = tensor(context, node.inputs(), 2);
				TfLiteTensor output = tensor(context, node.outputs(), 0);
				if (input.type() != kTfLiteFloat32 || weights.type() != kTfLiteFloat32
						|| bias.type() != kTfLiteFloat32 || output.type() != kTfLiteFloat32) {
					throw new IllegalStateException(NAME + " supports float32 only");
				}
				if (input.dims().size() != 4 || weights.dims().size() != 4 || bias.dims().size() != 1
						|| dim(input, 3) != dim(weights, 3) || dim(weights, 0) != dim(bias, 0)) {
					throw new IllegalStateException(NAME + ": input, weights and bias do not fit together");
				}
				Params params = Params.of(node);
				int filterHeight = dim(weights, 1);
				int filterWidth = dim(weights, 2);
				int inHeight = dim(input, 1);
				int inWidth = dim(input, 2);
				TfLiteIntArray shape = TfLiteIntArrayCreate(4);
				shape.data(0, dim(input, 0));
				shape.data(1, params.strideHeight() * (inHeight - 1) + filterHeight
						- padding(params, filterHeight, inHeight, params.strideHeight()));
				shape.data(2, params.strideWidth() * (inWidth - 1) + filterWidth
						- padding(params, filterWidth, inWidth, params.strideWidth()));
				shape.data(3, dim(weights, 0));
				// ResizeTensor takes ownership of the shape array.
				return context.ResizeTensor().call(context, output, shape);
			}
			catch (RuntimeException ex) {
				log.error("{} could not be prepared: {}", NAME, ex.getMessage());
				return kTfLiteError;
			}
		}

	}

	private static final class InvokeCallback extends TfLiteRegistration.Invoke_TfLiteContext_TfLiteNode {

		@Override
		public int call(TfLiteContext context, TfLiteNode node) {
			try {
				TfLiteTensor inputTensor = tensor(context, node.inputs(), 0);
				TfLiteTensor weightsTensor = tensor(context, node.inputs(), 1);
				TfLiteTensor biasTensor = tensor(context, node.inputs(), 2);
				TfLiteTensor outputTensor = tensor(context, node.outputs(), 0);
				Params params = Params.of(node);
				int batches = dim(inputTensor, 0);
				int inHeight = dim(inputTensor, 1);
				int inWidth = dim(inputTensor, 2);
				int inDepth = dim(inputTensor, 3);
				int outDepth = dim(weightsTensor, 0);
				int filterHeight = dim(weightsTensor, 1);
				int filterWidth = dim(weightsTensor, 2);
				int outHeight = dim(outputTensor, 1);
				int outWidth = dim(outputTensor, 2);
				int padTop = padding(params, filterHeight, inHeight, params.strideHeight()) / 2;
				int padLeft = padding(params, filterWidth, inWidth, params.strideWidth()) / 2;

				float[] input = read(inputTensor);
				float[] weights = read(weightsTensor);
				float[] bias = read(biasTensor);
				float[] output = new float[size(outputTensor)];
				for (int b = 0; b < batches; b++) {
					int outBase = b * outHeight * outWidth * outDepth;
					for (int i = 0; i < outHeight * outWidth; i++) {
						System.arraycopy(bias, 0, output, outBase + i * outDepth, outDepth);
					}
					// Each input pixel scatters its filter-weighted values over the output pixels it
					// touches; the innermost loop runs over contiguous input channels (OHWI weights).
					for (int inY = 0; inY < inHeight; inY++) {
						for (int inX = 0; inX < inWidth; inX++) {
							int in = ((b * inHeight + inY) * inWidth + inX) * inDepth;
							int originY = inY * params.strideHeight() - padTop;
							int originX = inX * params.strideWidth() - padLeft;
							for (int fy = 0; fy < filterHeight; fy++) {
								int outY = originY + fy;
								if (outY < 0 || outY >= outHeight) {
									continue;
								}
								for (int fx = 0; fx < filterWidth; fx++) {
									int outX = originX + fx;
									if (outX < 0 || outX >= outWidth) {
										continue;
									}
									int out = outBase + (outY * outWidth + outX) * outDepth;
									for (int oc = 0; oc < outDepth; oc++) {
										int w = ((oc * filterHeight + fy) * filterWidth + fx) * inDepth;
										float sum = 0;
										for (int ic = 0; ic < inDepth; ic++) {
											sum += input[in + ic] * weights[w + ic];
										}
										output[out + oc] += sum;
									}
								}
							}
						}
					}
				}
				new FloatPointer(outputTensor.data().f()).put(output);
				return kTfLiteOk;
			}
			catch (RuntimeException ex) {
				log.error("{} failed: {}", NAME, ex.getMessage());
				return kTfLiteError;
			}
		}

		private static float[] read(TfLiteTensor tensor) {
			float[] values = new float[size(tensor)];
			tensor.data().f().get(values);
			return values;
		}

	}

}
