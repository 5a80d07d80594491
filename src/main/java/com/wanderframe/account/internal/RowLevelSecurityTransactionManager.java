package com.wanderframe.account.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.wanderframe.account.ActingUser;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction of an {@link ActingUser} as the RLS-bound role with that user set.
 * Both settings are transaction-local ({@code set_config(..., true)}), so a pooled connection
 * returns to its login role at commit or rollback and never carries one person's identity into
 * another's request.
 */
class RowLevelSecurityTransactionManager extends JdbcTransactionManager {

	static final String REQUEST_ROLE = "wanderframe_user";

	RowLevelSecurityTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		Optional<UUID> actingUser = ActingUser.current();
		if (actingUser.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT set_config('role', ?, true), set_config('wanderframe.acting_user_id', ?, true)")) {
			statement.setString(1, REQUEST_ROLE);
			statement.setString(2, actingUser.get().toString());
			statement.execute();
		}
	}

}
