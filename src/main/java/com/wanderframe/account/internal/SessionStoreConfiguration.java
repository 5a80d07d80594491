package com.wanderframe.account.internal;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;

/**
 * Sessions are the app's business, not a person's: Spring Session reads and writes them in
 * transactions of its own (it always begins a new one) as the login role, even while a request
 * acts for someone, so the request role needs no access to the session tables at all.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	@SpringSessionTransactionManager
	JdbcTransactionManager sessionTransactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

}
