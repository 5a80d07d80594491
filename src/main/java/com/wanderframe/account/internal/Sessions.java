package com.wanderframe.account.internal;

import com.wanderframe.account.ActingUser;
import com.wanderframe.account.SignedInUser;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** A person's sessions, kept by Spring Session in PostgreSQL and indexed by their id. */
@Component
class Sessions {

	private final FindByIndexNameSessionRepository<? extends Session> repository;

	Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
		this.repository = repository;
	}

	/** The name a session is indexed under: the account id, which never changes (an email might). */
	static String principalName(SignedInUser user) {
		return user.id().toString();
	}

	void endAllOf(SignedInUser user) {
		// Sessions are the server's own bookkeeping, not the person's rows: handled as the login role.
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			repository.findByPrincipalName(principalName(user)).keySet().forEach(repository::deleteById);
		}
	}

}
