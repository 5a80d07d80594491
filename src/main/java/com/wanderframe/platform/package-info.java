/**
 * What every module stands on: where data lives (the data directory, the embedded PostgreSQL or
 * {@code DATABASE_URL}) and how an API error reaches a client (RFC 9457 problem details with a
 * stable {@code code}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.wanderframe.platform;
