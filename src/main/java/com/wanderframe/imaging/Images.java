package com.wanderframe.imaging;

import java.util.Optional;

/** Step 3's results, as other modules (step 4) see them. */
public interface Images {

	/** The acting user's generated image in any status (row-level security hides others'). */
	Optional<ImageRef> find(ImageId id);

}
