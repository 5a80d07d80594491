package com.wanderframe.location;

/**
 * A place a person can be put in.
 * @param slug stable identifier used in URLs and requests, e.g. {@code paris-at-dusk}
 * @param name what a person reads, e.g. "Paris at dusk"
 * @param description one line for the picker
 * @param scene what the place looks like, written for an image model's prompt
 */
public record Location(String slug, String name, String description, String scene) {
}
