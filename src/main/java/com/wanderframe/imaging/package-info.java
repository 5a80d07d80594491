/**
 * Step 3: the image of the person at the chosen location, made by the model they pick from the
 * catalogue (the local compositor by default, a Replicate image-editing model with a token), on
 * the shared generation engine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imaging")
package com.wanderframe.imaging;
