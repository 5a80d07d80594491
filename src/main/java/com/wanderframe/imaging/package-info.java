/**
 * Step 3: the image of the person at the chosen location, made by an {@code ImageGenerator}
 * (a local compositor by default, a Replicate image-editing model in production).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imaging")
package com.wanderframe.imaging;
