package com.wanderframe;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the credit ledger holds for one generation: its charge, and a refund if it failed. */
public final class Ledger {

	private Ledger() {
	}

	/** The kinds of the entries for {@code generation}, oldest first, e.g. {@code [charge, refund]}. */
	public static List<String> entriesFor(JdbcClient jdbc, String generation) {
		return jdbc.sql("SELECT kind FROM credit_ledger WHERE reference = ? ORDER BY created_at, kind")
			.param(UUID.fromString(generation))
			.query(String.class)
			.list();
	}

}
