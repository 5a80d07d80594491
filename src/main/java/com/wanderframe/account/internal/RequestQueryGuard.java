package com.wanderframe.account.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.wanderframe.account.ActingUser;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes row-level security fail closed. A person's query runs under RLS only inside a
 * transaction, which {@link RowLevelSecurityTransactionManager} begins as the request role; a
 * query outside one would run as the login role, which owns the tables and sees every row. So
 * the app's {@link JdbcTemplate} (and the {@code JdbcClient} built on it) asks for connections
 * through this guard: inside a transaction it is handed the transaction's connection without
 * asking, and on a thread acting for a person any other connection is refused.
 * <p>
 * Infrastructure that manages its own connections on the raw pool (sessions, jobs, rate-limit
 * buckets, migrations) touches no person's table and is not affected.
 */
final class RequestQueryGuard implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof JdbcTemplate template && template.getDataSource() != null
				&& !(template.getDataSource() instanceof GuardedDataSource)) {
			template.setDataSource(new GuardedDataSource(template.getDataSource()));
		}
		return bean;
	}

	/**
	 * Transaction-bound connections are looked up by the pool this wraps
	 * ({@link InfrastructureProxy}), so a query inside a transaction still gets its connection.
	 */
	static final class GuardedDataSource implements DataSource, InfrastructureProxy {

		private final DataSource pool;

		GuardedDataSource(DataSource pool) {
			this.pool = pool;
		}

		@Override
		public Object getWrappedObject() {
			return pool;
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseOutsideTransaction();
			return pool.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseOutsideTransaction();
			return pool.getConnection(username, password);
		}

		private static void refuseOutsideTransaction() throws SQLException {
			if (ActingUser.current().isPresent()) {
				throw new SQLException("A query for a signed-in person ran outside a transaction, where row-level "
						+ "security would not bind it; it was refused. Run it in a transaction.", "42501");
			}
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return pool.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			pool.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			pool.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return pool.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return pool.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return type.isInstance(this) || pool.isWrapperFor(type);
		}

	}

}
