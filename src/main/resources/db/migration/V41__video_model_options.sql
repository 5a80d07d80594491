-- What a person may choose beyond duration and resolution, where the model has it. NULL means
-- the model has no such option (or, for the end frame, none was chosen). Written only at insert,
-- which the request role may already do; no new grant.
ALTER TABLE video_generations
    ADD COLUMN end_image_id     uuid,
    ADD COLUMN end_image_key    text,
    ADD COLUMN prompt_optimizer boolean,
    ADD COLUMN generate_audio   boolean,
    ADD COLUMN negative_prompt  text,
    ADD COLUMN aspect_ratio     text,
    ADD CONSTRAINT video_generations_end_image_has_key CHECK ((end_image_id IS NULL) = (end_image_key IS NULL));
