package com.wanderframe.video.internal.render;

/**
 * Where the camera is at one moment, relative to the widest view of the picture that has the
 * video's shape: {@code zoom} 1 is that view and 1.2 is 20 % closer; {@code x} and {@code y} move
 * the centre of view by fractions of that view's width and height (right and down are
 * positive); {@code roll} turns the view, in radians.
 */
public record Pose(double zoom, double x, double y, double roll) {
}
