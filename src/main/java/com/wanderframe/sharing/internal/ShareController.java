package com.wanderframe.sharing.internal;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.wanderframe.platform.ApiException;

/** A person's share link of one of their videos. */
@RestController
@RequestMapping("/api/video/{id}/share")
class ShareController {

	private final ShareLinks links;

	ShareController(ShareLinks links) {
		this.links = links;
	}

	/**
	 * @param indexable whether search engines may list the page (not unless asked)
	 * @param expiresInDays 1 to 365, or null for a link that lasts until revoked
	 */
	record ShareRequest(Boolean indexable, Integer expiresInDays) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ShareView(String url, String token, boolean indexable, Instant createdAt, Instant expiresAt) {

		static ShareView of(ShareLinks.Link link) {
			String url = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/s/{token}")
				.buildAndExpand(link.token())
				.toUriString();
			return new ShareView(url, link.token(), link.indexable(), link.createdAt(), link.expiresAt());
		}

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ShareView share(@PathVariable UUID id, @RequestBody(required = false) ShareRequest request) {
		ShareRequest asked = request == null ? new ShareRequest(null, null) : request;
		return ShareView.of(links.share(id, asked.indexable(), asked.expiresInDays()));
	}

	@GetMapping
	ShareView current(@PathVariable UUID id) {
		return links.current(id)
			.map(ShareView::of)
			.orElseThrow(() -> ApiException.notFound("share_link_not_found", "This video is not shared."));
	}

	@DeleteMapping
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		links.revoke(id);
		return ResponseEntity.noContent().build();
	}

}
