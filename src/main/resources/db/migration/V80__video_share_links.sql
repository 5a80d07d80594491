-- Share links: a public, unguessable link to one finished video. The token is kept as it was
-- handed out (not hashed) so the owner can copy their link again; it grants nothing but
-- watching that one video, which its owner chose to publish.
CREATE TABLE video_share_links (
    token      text PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{43}$'),
    video_id   uuid        NOT NULL REFERENCES video_generations (id),
    user_id    uuid        NOT NULL REFERENCES users (id),
    indexable  boolean     NOT NULL DEFAULT false,
    width      integer     CHECK (width > 0),
    height     integer     CHECK (height > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz
);
-- One live link per video: sharing again hands out the same link.
CREATE UNIQUE INDEX video_share_links_one_per_video ON video_share_links (video_id);

ALTER TABLE video_share_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_share_links_select_own ON video_share_links FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
-- A person shares only their own finished, visible video.
CREATE POLICY video_share_links_insert_own ON video_share_links FOR INSERT TO wanderframe_user
    WITH CHECK (
        user_id = acting_user_id()
        AND EXISTS (
            SELECT FROM video_generations v
            WHERE v.id = video_share_links.video_id AND v.user_id = acting_user_id()
              AND v.status = 'completed' AND v.deleted_at IS NULL));
CREATE POLICY video_share_links_delete_own ON video_share_links FOR DELETE TO wanderframe_user
    USING (user_id = acting_user_id());
-- A request creates, reads and revokes its own links; the public page reads as the server.
GRANT SELECT, INSERT, DELETE ON video_share_links TO wanderframe_user;
