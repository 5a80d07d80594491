/**
 * The lifecycle every image and video shares: accept (rate limit, then charge, row and start
 * job in one transaction), start, updates by webhook or poll, copying the output into our store,
 * completing or failing with exactly one refund, and the deadline sweeper. Image and video keep
 * their own tables, endpoints and views; each plugs in as a {@link GenerationKind}, and every
 * model, local or on Replicate, is a {@link Generator} described by the {@link ModelCatalogue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Generation")
package com.wanderframe.generation;
