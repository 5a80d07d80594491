package com.wanderframe.web;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Test-only page with the player on a known clip (served with Range support, as the video API
 * serves real ones), so the player is tested on its own, independent of generation.
 */
@Controller
class PlayerFixture {

	@GetMapping("/fixtures/player")
	String page() {
		return "fixtures/player";
	}

	@GetMapping("/fixtures/clip.mp4")
	ResponseEntity<Resource> clip() {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
			.body(new FileSystemResource(TestClips.mp4()));
	}

	@GetMapping("/fixtures/poster.jpg")
	ResponseEntity<Resource> poster() {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(new FileSystemResource(TestClips.poster()));
	}

}
