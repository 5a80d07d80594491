package com.wanderframe.sharing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.account.ActingUser;
import com.wanderframe.media.MediaStore;
import com.wanderframe.platform.ApiException;
import com.wanderframe.video.VideoDeleted;
import com.wanderframe.video.VideoRef;
import com.wanderframe.video.Videos;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The share links of {@code video_share_links}. A person's reads and writes run in their
 * transaction under row-level security; resolving a token for the public page runs as the server
 * (the token is the capability) and finds only a live link to a completed, visible video.
 */
@Component
class ShareLinks {

	private static final Logger log = LoggerFactory.getLogger(ShareLinks.class);

	/** 32 random bytes: unguessable, and 43 characters of base64url in a link. */
	private static final int TOKEN_BYTES = 32;

	static final int MAX_DAYS = 365;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Videos videos;

	private final MediaStore media;

	ShareLinks(JdbcClient jdbc, TransactionTemplate transactions, Videos videos, MediaStore media) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.videos = videos;
		this.media = media;
	}

	/** A link as stored; {@code width}/{@code height} are the video's frame (from its poster), or 0. */
	record Link(String token, UUID videoId, UUID ownerId, boolean indexable, int width, int height,
			Instant createdAt, Instant expiresAt) {

		boolean live(Instant now) {
			return expiresAt == null || expiresAt.isAfter(now);
		}

	}

	/** A resolved public link: the link and the video it shows. */
	record Shared(Link link, VideoRef video) {
	}

	/**
	 * The video's live link, made now unless it has one (then that one, as it was: asking again
	 * does not change who already holds it).
	 * @param expiresInDays null for a link that does not expire
	 */
	Link share(UUID videoId, Boolean indexable, Integer expiresInDays) {
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
			throw ApiException.badRequest("invalid_expiry",
					"A link expires after 1 to " + MAX_DAYS + " days, or never (leave expiresInDays out).");
		}
		VideoRef video = ownCompleted(videoId);
		Optional<Link> existing = find(videoId).filter(link -> link.live(Instant.now()));
		if (existing.isPresent()) {
			return existing.get();
		}
		int[] size = frameSize(video);
		String token = newToken();
		Instant expiresAt = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
		return transactions.execute(status -> {
			// An expired link of this video makes way for the new one; of two people sharing at once, one wins.
			jdbc.sql("DELETE FROM video_share_links WHERE video_id = ?").param(videoId).update();
			jdbc.sql("""
					INSERT INTO video_share_links (token, video_id, user_id, indexable, width, height, expires_at)
					VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (video_id) DO NOTHING
					""")
				.params(token, videoId, video.ownerId(), Boolean.TRUE.equals(indexable), size[0] > 0 ? size[0] : null,
						size[1] > 0 ? size[1] : null, expiresAt == null ? null : Timestamp.from(expiresAt))
				.update();
			return find(videoId).orElseThrow();
		});
	}

	/** The acting user's link of their video, if it has a live one. */
	Optional<Link> current(UUID videoId) {
		ownVideo(videoId);
		return find(videoId).filter(link -> link.live(Instant.now()));
	}

	/** Revokes the link: from now on the page and its media answer 404. */
	void revoke(UUID videoId) {
		ownVideo(videoId);
		int removed = transactions
			.execute(status -> jdbc.sql("DELETE FROM video_share_links WHERE video_id = ?").param(videoId).update());
		if (removed == 0) {
			throw ApiException.notFound("share_link_not_found", "This video is not shared.");
		}
	}

	/** Whoever asks (signed in or not): the live link behind a token and its video. */
	Optional<Shared> resolve(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		Optional<Link> link;
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			link = transactions.execute(status -> jdbc.sql("SELECT * FROM video_share_links WHERE token = ?")
				.param(token)
				.query(ShareLinks::map)
				.optional());
		}
		return link.filter(found -> found.live(Instant.now()))
			.flatMap(found -> videos.findCompletedForLink(found.videoId())
				.filter(video -> video.ownerId().equals(found.ownerId()))
				.map(video -> new Shared(found, video)));
	}

	/** A deleted video's link goes with it (the page already answers 404 for a hidden video). */
	@EventListener
	void videoDeleted(VideoDeleted deleted) {
		transactions.executeWithoutResult(status -> jdbc.sql("DELETE FROM video_share_links WHERE video_id = ?")
			.param(deleted.videoId())
			.update());
	}

	private Optional<Link> find(UUID videoId) {
		return transactions.execute(status -> jdbc.sql("SELECT * FROM video_share_links WHERE video_id = ?")
			.param(videoId)
			.query(ShareLinks::map)
			.optional());
	}

	private VideoRef ownVideo(UUID videoId) {
		return videos.find(videoId)
			.orElseThrow(() -> ApiException.notFound("video_not_found", "There is no such video."));
	}

	private VideoRef ownCompleted(UUID videoId) {
		VideoRef video = ownVideo(videoId);
		if (!video.completed()) {
			throw ApiException.conflict("video_not_ready", "Only a finished video can be shared.");
		}
		return video;
	}

	private String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The poster is a full-size frame of the video; its JPEG header says the frame size. */
	private int[] frameSize(VideoRef video) {
		if (video.posterKey() == null) {
			return new int[] { 0, 0 };
		}
		try (InputStream in = media.open(video.posterKey()); ImageInputStream image = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(image);
			if (readers.hasNext()) {
				ImageReader reader = readers.next();
				try {
					reader.setInput(image, true, true);
					return new int[] { reader.getWidth(0), reader.getHeight(0) };
				}
				finally {
					reader.dispose();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not read the frame size of video {}: {}", video.id(), ex.toString());
		}
		return new int[] { 0, 0 };
	}

	private static Link map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp expires = rs.getTimestamp("expires_at");
		return new Link(rs.getString("token"), rs.getObject("video_id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getBoolean("indexable"), rs.getInt("width"), rs.getInt("height"),
				rs.getTimestamp("created_at").toInstant(), expires == null ? null : expires.toInstant());
	}

}
