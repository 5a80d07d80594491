/**
 * Request limits shared by every instance: token buckets kept in PostgreSQL (Bucket4j), so five
 * instances behind a load balancer still allow a person five generations a minute, not 25.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rate limits")
package com.wanderframe.ratelimit;
