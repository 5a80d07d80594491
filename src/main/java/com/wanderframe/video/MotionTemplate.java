package com.wanderframe.video;

/**
 * A ready-made camera move a person can pick instead of writing one. The {@code prompt} is plain
 * camera language: the local renderer reads its moves from it, and a hosted model gets it as is.
 */
public record MotionTemplate(String slug, String name, String description, String prompt) {
}
