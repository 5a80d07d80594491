-- Bytes each person keeps in the media store (photos, images, videos), one row per stored
-- object, written as objects are stored and removed, so a storage quota is one indexed sum.
-- Media stored before this migration is not counted.

CREATE TABLE media_usage (
    media_key   text PRIMARY KEY,
    user_id     uuid        NOT NULL,
    bytes       bigint      NOT NULL CHECK (bytes >= 0),
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_media_usage_user ON media_usage (user_id);

ALTER TABLE media_usage ENABLE ROW LEVEL SECURITY;
CREATE POLICY media_usage_select_own ON media_usage FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
CREATE POLICY media_usage_insert_own ON media_usage FOR INSERT TO wanderframe_user
    WITH CHECK (user_id = acting_user_id());
CREATE POLICY media_usage_update_own ON media_usage FOR UPDATE TO wanderframe_user
    USING (user_id = acting_user_id()) WITH CHECK (user_id = acting_user_id());
CREATE POLICY media_usage_delete_own ON media_usage FOR DELETE TO wanderframe_user
    USING (user_id = acting_user_id());
-- A request stores a photo, deletes a photo or a video: it counts and uncounts its own objects.
GRANT SELECT, INSERT, UPDATE (bytes, recorded_at), DELETE ON media_usage TO wanderframe_user;
