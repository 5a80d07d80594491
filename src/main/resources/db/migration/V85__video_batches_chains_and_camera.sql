-- Beyond one clip (#13): several variants of one image started together (a batch), a video that
-- continues another (its first frame is the other's last), a seed where the model takes one (so
-- "regenerate" differs) and a camera path drawn on the image for the local renderer.

-- A batch is only a name for variants started together; each variant is its own generation with
-- its own charge and refund. The request role reads and creates its own batches, nothing else.
CREATE TABLE video_batches (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    image_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_video_batches_user ON video_batches (user_id, created_at DESC);
ALTER TABLE video_batches ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_batches_select_own ON video_batches FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
CREATE POLICY video_batches_insert_own ON video_batches FOR INSERT TO wanderframe_user
    WITH CHECK (user_id = acting_user_id());
GRANT SELECT, INSERT ON video_batches TO wanderframe_user;

-- Written only at insert, which the request role may already do; no new grant.
ALTER TABLE video_generations
    ADD COLUMN batch_id       uuid REFERENCES video_batches (id) ON DELETE CASCADE,
    -- where in its batch the variant was asked for (0, 1, ...): its rows share one created_at
    ADD COLUMN batch_position integer CHECK (batch_position >= 0),
    ADD COLUMN from_video_id uuid REFERENCES video_generations (id) ON DELETE SET NULL,
    ADD COLUMN seed          bigint,
    ADD COLUMN camera        jsonb;
ALTER TABLE video_generations ADD CONSTRAINT video_generations_batch_has_position
    CHECK ((batch_id IS NULL) = (batch_position IS NULL));
CREATE UNIQUE INDEX idx_video_generations_batch ON video_generations (batch_id, batch_position)
    WHERE batch_id IS NOT NULL;
CREATE INDEX idx_video_generations_from_video ON video_generations (from_video_id) WHERE from_video_id IS NOT NULL;

-- As V42 has it, and: a variant belongs to one of the person's own batches, and a continuation
-- continues one of the person's own finished videos.
DROP POLICY video_generations_insert_own ON video_generations;
CREATE POLICY video_generations_insert_own ON video_generations FOR INSERT TO wanderframe_user
    WITH CHECK (
        video_generations.user_id = acting_user_id()
        AND video_generations.status = 'pending' AND video_generations.progress = 0
        AND video_generations.video_url IS NULL AND video_generations.poster_url IS NULL
        AND video_generations.provider_prediction_id IS NULL AND video_generations.error_code IS NULL
        AND video_generations.completed_at IS NULL AND video_generations.deleted_at IS NULL
        AND EXISTS (
            SELECT FROM credit_ledger l
            WHERE l.reference = video_generations.id AND l.kind = 'charge' AND l.user_id = acting_user_id()
              AND l.amount = -video_generations.cost)
        AND (EXISTS (
                SELECT FROM generated_images i
                WHERE i.id = video_generations.image_id AND i.user_id = acting_user_id()
                  AND i.status = 'completed' AND i.media_key = video_generations.image_url)
            OR EXISTS (
                SELECT FROM photos p
                WHERE p.id = video_generations.image_id AND p.user_id = acting_user_id()
                  AND p.media_key = video_generations.image_url))
        AND (video_generations.end_image_id IS NULL
            OR EXISTS (
                SELECT FROM generated_images i
                WHERE i.id = video_generations.end_image_id AND i.user_id = acting_user_id()
                  AND i.status = 'completed' AND i.media_key = video_generations.end_image_key)
            OR EXISTS (
                SELECT FROM photos p
                WHERE p.id = video_generations.end_image_id AND p.user_id = acting_user_id()
                  AND p.media_key = video_generations.end_image_key))
        AND (video_generations.batch_id IS NULL
            OR EXISTS (
                SELECT FROM video_batches b
                WHERE b.id = video_generations.batch_id AND b.user_id = acting_user_id()
                  AND b.image_id = video_generations.image_id))
        AND (video_generations.from_video_id IS NULL
            OR EXISTS (
                SELECT FROM video_generations s
                WHERE s.id = video_generations.from_video_id AND s.user_id = acting_user_id()
                  AND s.status = 'completed' AND s.deleted_at IS NULL)));
