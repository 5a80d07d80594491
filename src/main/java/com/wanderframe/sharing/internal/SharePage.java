package com.wanderframe.sharing.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.wanderframe.media.MediaResponses;
import com.wanderframe.platform.ApiException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public side of a share link, for anyone with it (signed in or not): the page with the
 * player and its preview tags, and the video and poster served through the token, never by a
 * storage URL. It shows the video and nothing else of its owner. An unknown, revoked or expired
 * token, or a deleted video, is a plain 404 for all three.
 */
@Controller
class SharePage {

	/** Chat apps and social sites fetch previews from their own origins: the shared media may be embedded. */
	private static final String CROSS_ORIGIN = "cross-origin";

	private final ShareLinks links;

	private final MediaResponses media;

	SharePage(ShareLinks links, MediaResponses media) {
		this.links = links;
		this.media = media;
	}

	@GetMapping("/s/{token}")
	ModelAndView page(@PathVariable String token, HttpServletResponse response) {
		ShareLinks.Shared shared = links.resolve(token).orElse(null);
		if (shared == null) {
			return new ModelAndView("not-found", HttpStatus.NOT_FOUND);
		}
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/" + token).toUriString();
		ModelAndView page = new ModelAndView("share");
		page.addObject("pageUrl", base);
		page.addObject("videoUrl", base + "/video.mp4");
		page.addObject("posterUrl", shared.video().posterKey() == null ? null : base + "/poster.jpg");
		page.addObject("width", shared.link().width());
		page.addObject("height", shared.link().height());
		page.addObject("duration", shared.video().durationSeconds());
		page.addObject("indexable", shared.link().indexable());
		noIndexUnlessChosen(shared, response);
		return page;
	}

	@GetMapping("/s/{token}/video.mp4")
	ResponseEntity<StreamingResponseBody> video(@PathVariable String token, HttpServletRequest request,
			HttpServletResponse response) {
		ShareLinks.Shared shared = resolve(token);
		noIndexUnlessChosen(shared, response);
		return revalidated(media.serve(shared.video().videoKey(), request, null), response);
	}

	@GetMapping("/s/{token}/poster.jpg")
	ResponseEntity<StreamingResponseBody> poster(@PathVariable String token, HttpServletRequest request,
			HttpServletResponse response) {
		ShareLinks.Shared shared = resolve(token);
		if (shared.video().posterKey() == null) {
			throw notFound();
		}
		noIndexUnlessChosen(shared, response);
		return revalidated(media.serve(shared.video().posterKey(), request, null), response);
	}

	/**
	 * Every use of a shared file asks us again (a cheap 304 while it stands), so a revoked link
	 * stops working in browsers that have seen it too, not an hour later.
	 */
	private static ResponseEntity<StreamingResponseBody> revalidated(ResponseEntity<StreamingResponseBody> served,
			HttpServletResponse response) {
		response.setHeader("Cross-Origin-Resource-Policy", CROSS_ORIGIN);
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(served.getHeaders());
		headers.setCacheControl(CacheControl.noCache().cachePrivate());
		return ResponseEntity.status(served.getStatusCode()).headers(headers).body(served.getBody());
	}

	private ShareLinks.Shared resolve(String token) {
		return links.resolve(token).orElseThrow(SharePage::notFound);
	}

	private static void noIndexUnlessChosen(ShareLinks.Shared shared, HttpServletResponse response) {
		if (!shared.link().indexable()) {
			response.setHeader("X-Robots-Tag", "noindex, nofollow");
		}
	}

	private static ApiException notFound() {
		return ApiException.notFound("share_link_not_found", "There is no such link, or it was taken down.");
	}

}
