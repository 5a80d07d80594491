/**
 * Edit and export: a person's finished video made into another file (MP4, GIF with a generated
 * palette, WebM), trimmed, faster or slower, as a boomerang, or cropped to another aspect around a
 * focus point; rendered in the background by FFmpeg in-process, counted toward their storage quota
 * and removed with the video.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exports")
package com.wanderframe.exports;
