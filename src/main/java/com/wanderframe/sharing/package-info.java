/**
 * Share links: a person publishes one finished video under an unguessable link
 * ({@code /s/<token>}), a public page with the player and the preview tags chat apps and social
 * sites read, its media served through the token; revoking the link (or deleting the video)
 * makes all of it answer 404.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing")
package com.wanderframe.sharing;
