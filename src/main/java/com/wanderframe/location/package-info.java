/**
 * Step 2: the catalogue of places, each with a scene description for generation prompts and a
 * procedurally painted backdrop for the local generator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Locations")
package com.wanderframe.location;
