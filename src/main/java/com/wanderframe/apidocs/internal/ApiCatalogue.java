package com.wanderframe.apidocs.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each JSON endpoint does and which problem codes it may answer with, keyed by
 * {@code "METHOD /path"} as OpenAPI spells the path. Kept in one table here rather than as
 * annotations on the controllers of six modules: the controllers stay about behaviour, and
 * {@code ApiDescriptionTests} fails the build when an endpoint under {@code /api} has no entry
 * (or an entry outlives its endpoint).
 */
final class ApiCatalogue {

	record Entry(String key, String tag, String summary, String description, List<String> problems) {

		String method() {
			return key.substring(0, key.indexOf(' '));
		}

		String path() {
			return key.substring(key.indexOf(' ') + 1);
		}

	}

	/** Problems any endpoint may answer with. */
	static final List<String> COMMON = List.of("401 unauthenticated", "403 csrf_token_invalid", "500 internal_error");

	private static Entry entry(String key, String tag, String summary, String description, String... problems) {
		return new Entry(key, tag, summary, description, List.of(problems));
	}

	static final Map<String, Entry> ENTRIES = Stream.of(
			entry("POST /api/auth/signup", "Account", "Create an account and sign in",
					"201 with the account; the session cookie is set.", "409 email_taken", "400 invalid_email",
					"400 invalid_password", "400 weak_password", "429 too_many_signups", "503 service_unavailable"),
			entry("POST /api/auth/signin", "Account", "Sign in", "200 with the account; the session cookie is set.",
					"401 invalid_credentials", "400 invalid_password", "429 too_many_sign_in_attempts",
					"503 service_unavailable"),
			entry("POST /api/auth/signout", "Account", "Sign out", "204; the session ends."),
			entry("POST /api/auth/verify", "Account", "Confirm an email address",
					"With the token from the link mailed at sign-up; the welcome credits follow.",
					"400 invalid_verification_link"),
			entry("POST /api/auth/verification", "Account", "Send the verification link again", "",
					"409 verification_not_needed", "429 rate_limited", "503 service_unavailable"),
			entry("GET /api/credits/packs", "Credits", "The credit packs on sale", ""),
			entry("POST /api/credits/checkout", "Credits", "Buy a credit pack (Stripe Checkout)",
					"Answers where to send the person to pay.", "400 pack_required"),
			entry("GET /api/credits/purchases/{id}", "Credits", "One of the caller's purchases", "",
					"404 purchase_not_found"),
			entry("POST /api/webhooks/stripe", "Webhooks", "Stripe's signed webhooks", "Verified by Stripe's signature."),
			entry("POST /api/auth/signout-all", "Account", "Sign out everywhere",
					"204: ends every session of the person, on every device, this one included."),
			entry("GET /api/me", "Account", "The signed-in person", "Their id, email and credit balance."),
			entry("POST /api/photos", "Photos", "Upload a photo (step 1)",
					"Multipart field `file`: JPEG, PNG or WebP up to 15 MB. 201 with its id, size and URL.",
					"415 unsupported_media_type", "413 photo_too_large", "422 photo_too_many_pixels",
					"422 photo_unreadable", "400 photo_missing", "400 malformed_upload"),
			entry("GET /api/photos", "Photos", "The caller's photos", "Newest first."),
			entry("GET /api/photos/{id}", "Photos", "One of the caller's photos", "", "404 photo_not_found"),
			entry("DELETE /api/photos/{id}", "Photos", "Delete a photo and its file",
					"204; images made from it keep working.", "404 photo_not_found"),
			entry("GET /api/photos/{id}/content", "Photos", "A photo's bytes", "HTTP Range supported.",
					"404 photo_not_found"),
			entry("GET /api/photos/{id}/cutout.png", "Photos", "The person cut out of a photo",
					"A PNG with alpha, made once and kept beside the photo.", "404 no_person_found",
					"404 photo_not_found"),
			entry("GET /api/locations", "Locations", "The catalogue of places (step 2)",
					"Public: slug, name, description and preview URL."),
			entry("GET /api/locations/{slug}", "Locations", "One place", "", "404 location_not_found"),
			entry("GET /api/locations/{slug}/preview.jpg", "Locations", "A place's preview picture", "",
					"404 location_not_found"),
			entry("POST /api/images", "Images", "Make an image of the person at a place (step 3)",
					"202: charged and queued; follow it at GET /api/images/{id}.", "404 photo_not_found",
					"404 location_not_found", "402 insufficient_credits", "429 rate_limited"),
			entry("GET /api/images", "Images", "The caller's images, a page at a time",
					"Newest first, an array (header `X-Total-Count`: how many match); `page`, `size` (1-100); filters as "
							+ "for videos: `status`, `model`, `location`, `q` (words of the prompt the image was made from), "
							+ "`from`/`to`.",
					"400 invalid_page", "400 invalid_size", "400 invalid_status", "400 invalid_text", "400 invalid_date",
					"400 invalid_date_range"),
			entry("GET /api/images/{id}", "Images", "One image and its status",
					"Statuses: pending, processing, completed, failed.", "404 image_not_found"),
			entry("GET /api/images/{id}/content", "Images", "A finished image's bytes", "", "404 image_not_found"),
			entry("POST /api/video/generate", "Videos", "Turn an image into a video (step 4), or continue a video",
					"202: charged and queued; follow it at GET /api/video/{id}/events. With `fromVideoId` instead of "
							+ "`imageId` the first frame is that finished video's last frame, kept as one of the "
							+ "person's pictures. `camera` {from: {x, y, w}, to: {x, y, w}, easing} directs the "
							+ "local renderer's camera, in image pixels.",
					"400 image_required", "400 conflicting_first_frame", "400 prompt_required", "400 prompt_too_long",
					"400 invalid_duration", "400 invalid_resolution", "400 unsupported_combination",
					"400 unknown_template", "400 invalid_camera", "400 camera_not_supported", "404 image_not_found",
					"404 video_not_found", "409 image_not_ready", "409 image_failed", "409 video_not_ready",
					"402 insufficient_credits", "429 rate_limited"),
			entry("POST /api/video/batch", "Videos", "Try several motions of one image at once",
					"2 to 6 variants, each with the options of POST /api/video/generate but the image. All are "
							+ "checked first (a bad one is refused with its index in `variant`) and charged in one "
							+ "transaction, or none; each is its own generation, refunded on its own if it fails.",
					"400 image_required", "400 invalid_variant_count", "400 prompt_required", "400 invalid_duration",
					"400 unknown_template", "400 invalid_camera", "404 image_not_found", "409 image_not_ready",
					"402 insufficient_credits", "429 rate_limited", "429 too_many_unfinished_generations",
					"503 capacity_exhausted"),
			entry("GET /api/video/batch/{batchId}", "Videos", "A batch and its variants",
					"Every variant as GET /api/video/{id} shows it, in the order asked; `finished` once all ended.",
					"404 batch_not_found"),
			entry("GET /api/video/batch/{batchId}/events", "Videos", "Follow a batch live (Server-Sent Events)",
					"Event `batch` with the batch, at once and on every change of a variant; closes once all ended.",
					"404 batch_not_found", "429 too_many_streams"),
			entry("GET /api/video/{id}", "Videos", "One video and its status",
					"Statuses: pending, processing, completed, failed; a failure carries {code, message}.",
					"404 video_not_found"),
			entry("GET /api/video/{id}/events", "Videos", "Follow a video live (Server-Sent Events)",
					"Event `status` with the video, at once and on every change; closes after the end.",
					"404 video_not_found"),
			entry("GET /api/video", "Videos", "The caller's videos, a page at a time",
					"Newest first; filters: `status`, `model`, `location` (the first frame's place), `q` (words of the "
							+ "prompt), `from`/`to` (days, inclusive, or instants).",
					"400 invalid_page", "400 invalid_size", "400 invalid_status", "400 invalid_text", "400 invalid_date",
					"400 invalid_date_range"),
			entry("GET /api/video/stats", "Videos", "The caller's own figures",
					"Videos made, completed, failed, success rate, credits spent and refunded, typical time per model."),
			entry("DELETE /api/video/{id}", "Videos", "Hide a video and remove its media",
					"204; the ledger keeps its history.", "404 video_not_found", "409 generation_in_progress"),
			entry("GET /api/video/templates", "Videos", "Motion templates", ""),
			entry("GET /api/video/options", "Videos", "Durations, resolutions and their costs", ""),
			entry("GET /api/models", "Models", "The models this deployment offers",
					"Each with its options, capabilities and prices; `kind=image|video` filters."),
			entry("GET /api/video/{id}/video.mp4", "Videos", "The video file",
					"video/mp4 with Range for seeking; `download=true` makes it an attachment.",
					"404 video_not_found", "404 video_not_ready"),
			entry("GET /api/video/{id}/poster.jpg", "Videos", "The video's poster frame", "", "404 video_not_found",
					"404 poster_not_found"),
			entry("POST /api/video/{id}/share", "Sharing", "Share a finished video by a public link",
					"201 {url, expiresAt?}: an unguessable `/s/<token>` page anyone with it can watch (not indexed "
							+ "unless `indexable: true`; `expiresInDays` 1-365 or never). Sharing again answers the same link.",
					"404 video_not_found", "409 video_not_ready", "400 invalid_expiry"),
			entry("GET /api/video/{id}/share", "Sharing", "A video's live share link", "",
					"404 video_not_found", "404 share_link_not_found"),
			entry("DELETE /api/video/{id}/share", "Sharing", "Revoke a video's share link",
					"204; its page and media answer 404 from now on.", "404 video_not_found",
					"404 share_link_not_found"),
			entry("POST /api/video/{id}/exports", "Exports", "Export a finished video: another format, trimmed, faster, a boomerang, cropped",
					"202 {id, status}: `{format: mp4|gif|webm, trim?: {start, end}, speed?: 0.5-2, loop?: none|boomerang, "
							+ "aspect?: 16:9|9:16|1:1, focus?: {x, y}, width?: 64-1920}`; rendered in the background, no credits; "
							+ "a crop with no focus follows the person; MP4 and WebM keep the sound; "
							+ "follow it at GET /api/video/exports/{id}.",
					"400 format_required", "400 invalid_format", "400 invalid_trim", "400 invalid_speed", "400 invalid_loop",
					"400 invalid_aspect", "400 invalid_focus", "400 invalid_width", "404 video_not_found",
					"409 video_not_ready", "403 storage_quota_exceeded", "429 too_many_unfinished_exports"),
			entry("GET /api/video/{id}/exports", "Exports", "A video's exports", "Newest first.", "404 video_not_found"),
			entry("GET /api/video/exports/{id}", "Exports", "One export and its status",
					"Statuses: pending, processing, completed (with output size, frame rate, seconds and the file's URLs), "
							+ "failed (with {code, message}).",
					"404 export_not_found"),
			entry("GET /api/video/exports/{id}/file", "Exports", "An export's file",
					"Range supported; `download=true` makes it an attachment with a name that says what it is.",
					"404 export_not_found", "404 export_not_ready"),
			entry("DELETE /api/video/exports/{id}", "Exports", "Delete an export and its file", "204.",
					"404 export_not_found"),
			entry("POST /api/webhooks/replicate", "Webhooks", "Replicate's signed webhooks",
					"Verified over the raw body (webhook-id, webhook-timestamp, webhook-signature); 204.",
					"401 invalid_webhook_signature"))
		.collect(Collectors.toUnmodifiableMap(Entry::key, Function.identity()));

	private ApiCatalogue() {
	}

}
