/**
 * Billing: credit packs sold through Stripe Checkout. A purchase is paid into the credits ledger
 * exactly once, whatever Stripe's webhooks do, and taken back after a refund or a dispute.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package com.wanderframe.billing;
