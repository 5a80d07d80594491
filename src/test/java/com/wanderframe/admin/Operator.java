package com.wanderframe.admin;

import com.wanderframe.ApiClient;

/** The suite's operator (named in the test configuration's {@code wanderframe.admin.operators}). */
public final class Operator {

	public static final String EMAIL = "operator@wanderframe.test";

	private Operator() {
	}

	/** The operator, signed in: signed up the first time a context sees them, signed in after. */
	public static ApiClient signedIn(int port) {
		ApiClient client = new ApiClient(port);
		String credentials = "{\"email\":\"" + EMAIL + "\",\"password\":\"operator horse\"}";
		ApiClient.Response signUp = client.post("/api/auth/signup", credentials);
		if (signUp.status() == 409) {
			ApiClient.Response signIn = client.post("/api/auth/signin", credentials);
			if (signIn.status() != 200) {
				throw new IllegalStateException("operator sign-in failed: " + signIn);
			}
		}
		else if (signUp.status() != 201) {
			throw new IllegalStateException("operator sign-up failed: " + signUp);
		}
		return client;
	}

}
