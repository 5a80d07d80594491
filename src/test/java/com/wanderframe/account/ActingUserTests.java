package com.wanderframe.account;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose rows a thread sees is only as good as its scopes: an inner scope that leaked would let
 * the rest of one person's request (or the next request on the same pooled thread) act as
 * someone else, or as no one, which sees every row.
 */
class ActingUserTests {

	private final UUID alice = UUID.randomUUID();

	private final UUID bob = UUID.randomUUID();

	@AfterEach
	void nothingLeftOnTheThread() {
		assertThat(ActingUser.current()).isEmpty();
	}

	@Test
	void aScopeActsAsItsPersonAndLeavesTheThreadAsItFoundIt() {
		assertThat(ActingUser.current()).isEmpty();

		try (ActingUser.Scope asAlice = ActingUser.enter(alice)) {
			assertThat(ActingUser.current()).contains(alice);
			try (ActingUser.Scope asBob = ActingUser.enter(bob)) {
				assertThat(ActingUser.current()).contains(bob);
			}
			assertThat(ActingUser.current()).as("back to alice, not bob and not everyone").contains(alice);
		}
		assertThat(ActingUser.current()).isEmpty();
	}

	@Test
	void systemWorkInsideARequestActsAsNoOneAndTheRequestResumesAsItsPerson() {
		try (ActingUser.Scope asAlice = ActingUser.enter(alice)) {
			try (ActingUser.Scope system = ActingUser.enterSystem()) {
				assertThat(ActingUser.current()).isEmpty();
			}
			assertThat(ActingUser.current()).contains(alice);
		}
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			assertThat(ActingUser.current()).isEmpty();
		}
	}

	@Test
	void callAsReturnsTheWorksResultAndRestoresTheCaller() {
		String seen = ActingUser.callAs(alice, () -> ActingUser.current().orElseThrow().toString());

		assertThat(seen).isEqualTo(alice.toString());
		try (ActingUser.Scope asBob = ActingUser.enter(bob)) {
			assertThat(ActingUser.callAs(alice, () -> ActingUser.current().orElseThrow())).isEqualTo(alice);
			assertThat(ActingUser.current()).contains(bob);
		}
	}

}
