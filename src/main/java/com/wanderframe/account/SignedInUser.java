package com.wanderframe.account;

import java.io.Serializable;
import java.util.UUID;

/**
 * The person behind a request, as kept in their session. Controllers receive it with
 * {@code @AuthenticationPrincipal}.
 */
public record SignedInUser(UUID id, String email) implements Serializable {

	@Override
	public String toString() {
		return "SignedInUser[" + id + "]";
	}

}
