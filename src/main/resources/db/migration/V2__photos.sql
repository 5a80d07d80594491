-- Step 1: the photos people upload, cleaned (oriented, metadata stripped, downscaled) before they
-- are stored. The file itself lives in the media store under media_key.

CREATE TABLE photos (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    media_key    text        NOT NULL UNIQUE,
    content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width        integer     NOT NULL CHECK (width > 0),
    height       integer     NOT NULL CHECK (height > 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_photos_user_created ON photos (user_id, created_at DESC);

ALTER TABLE photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY photos_select_own ON photos FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
CREATE POLICY photos_insert_own ON photos FOR INSERT TO wanderframe_user
    WITH CHECK (user_id = acting_user_id());
CREATE POLICY photos_delete_own ON photos FOR DELETE TO wanderframe_user
    USING (user_id = acting_user_id());
-- A stored photo never changes: no UPDATE for the request role.
GRANT SELECT, INSERT, DELETE ON photos TO wanderframe_user;
