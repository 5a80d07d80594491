-- Step 3: the image of a person at a chosen location. Like video_generations: the owner is
-- required, status and output are written by the server only, a completed row has a stored
-- image and only a failed row carries an error.

CREATE TABLE generated_images (
    id                     uuid PRIMARY KEY,
    user_id                uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the step-1 photo the person is taken from
    photo_id               uuid        NOT NULL,
    -- the location's slug
    location               text        NOT NULL,
    status                 text        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    -- our stored copy (images/<user>/<id>.jpg); NULL until stored
    media_key              text,
    content_type           text,
    width                  integer CHECK (width > 0),
    height                 integer CHECK (height > 0),
    cost                   integer     NOT NULL CHECK (cost >= 0),
    model                  text        NOT NULL,
    -- the Replicate prediction, so a restarted job follows it instead of paying for another
    provider_prediction_id text,
    error_code             text,
    error_message          text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    started_at             timestamptz,
    completed_at           timestamptz,
    CONSTRAINT generated_images_completed_has_image CHECK ((status = 'completed') = (media_key IS NOT NULL)),
    CONSTRAINT generated_images_failed_has_error CHECK ((status = 'failed') = (error_code IS NOT NULL))
);
CREATE INDEX idx_generated_images_user_created ON generated_images (user_id, created_at DESC);
CREATE INDEX idx_generated_images_unfinished ON generated_images (status, created_at)
    WHERE status IN ('pending', 'processing');

CREATE TRIGGER update_generated_images_updated_at
    BEFORE UPDATE ON generated_images
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

ALTER TABLE generated_images ENABLE ROW LEVEL SECURITY;
CREATE POLICY generated_images_select_own ON generated_images FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
CREATE POLICY generated_images_insert_own ON generated_images FOR INSERT TO wanderframe_user
    WITH CHECK (user_id = acting_user_id() AND status = 'pending' AND media_key IS NULL);
-- No UPDATE for the request role: status, output and money are the server's (seed NOTES #4).
GRANT SELECT, INSERT ON generated_images TO wanderframe_user;
