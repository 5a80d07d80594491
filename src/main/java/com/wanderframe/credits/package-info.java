/**
 * Credits: a balance per person and an append-only ledger it always equals. A generation is
 * charged exactly once and refunded at most once, both enforced by the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credits")
package com.wanderframe.credits;
