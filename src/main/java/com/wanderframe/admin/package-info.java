/**
 * The operators' dashboard at {@code /admin}: how generations fare per model, refunds, credits,
 * the queue, the slowest and the failed generations, and people's balances with a "grant
 * credits" action. Operators are named by configuration ({@code WANDERFRAME_OPERATORS}), never by
 * sign-up; to anyone else {@code /admin} does not exist (404). This is the one module whose
 * request work reads across people: it runs its queries as the login role, not as the
 * row-level-security request role.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin")
package com.wanderframe.admin;
