/**
 * Finding the person in a photo: MediaPipe's selfie segmentation model run in-process with
 * TensorFlow Lite, its coarse mask refined at the photo's own resolution into a soft matte.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Segmentation")
package com.wanderframe.segmentation;
