/**
 * Accounts: sign-up, sign-in and sessions (in PostgreSQL, so any instance serves any request),
 * the signed-in user, and the per-transaction acting user that row-level security reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package com.wanderframe.account;
