-- The request role (wanderframe_user) may do only what a person's own request needs, so a SQL bug
-- on a request path cannot read sessions, forge background jobs, or record a generation that was
-- not paid for or that points at somebody else's media.

-- Sessions: Spring Session runs its own transactions as the login role, never as the request role.
REVOKE ALL ON spring_session, spring_session_attributes FROM wanderframe_user;

-- Jobs: a request schedules the first job of the generation it has just paid for and recorded,
-- and nothing else; it reads no job (db-scheduler's "does it exist yet?" lookup finds nothing and
-- inserts). The login role owns the table, so db-scheduler itself is not bound by these policies.
REVOKE ALL ON scheduled_tasks FROM wanderframe_user;
GRANT SELECT, INSERT ON scheduled_tasks TO wanderframe_user;
ALTER TABLE scheduled_tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY scheduled_tasks_start_own_generation ON scheduled_tasks FOR INSERT TO wanderframe_user
    WITH CHECK (
        NOT scheduled_tasks.picked AND scheduled_tasks.picked_by IS NULL
        AND (
            (scheduled_tasks.task_name = 'generate-image' AND EXISTS (
                SELECT FROM generated_images i
                WHERE i.id::text = scheduled_tasks.task_instance AND i.user_id = acting_user_id()
                  AND i.status = 'pending'))
            OR (scheduled_tasks.task_name = 'video-start' AND EXISTS (
                SELECT FROM video_generations v
                WHERE v.id::text = scheduled_tasks.task_instance AND v.user_id = acting_user_id()
                  AND v.status = 'pending'))));

-- Videos: a new row is pending with no output, paid for by this very generation's charge for
-- exactly its cost, and animates the person's own finished image or upload (id and media key).
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
                  AND p.media_key = video_generations.image_url)));
-- Nothing deletes a video row on a request (people hide theirs with deleted_at).
DROP POLICY video_generations_delete_own ON video_generations;
REVOKE DELETE ON video_generations FROM wanderframe_user;

-- Images: the same for step 3, made from the person's own photo.
DROP POLICY generated_images_insert_own ON generated_images;
CREATE POLICY generated_images_insert_own ON generated_images FOR INSERT TO wanderframe_user
    WITH CHECK (
        generated_images.user_id = acting_user_id()
        AND generated_images.status = 'pending' AND generated_images.media_key IS NULL
        AND generated_images.provider_prediction_id IS NULL AND generated_images.error_code IS NULL
        AND generated_images.completed_at IS NULL
        AND EXISTS (
            SELECT FROM credit_ledger l
            WHERE l.reference = generated_images.id AND l.kind = 'charge' AND l.user_id = acting_user_id()
              AND l.amount = -generated_images.cost)
        AND EXISTS (
            SELECT FROM photos p
            WHERE p.id = generated_images.photo_id AND p.user_id = acting_user_id()));

-- Photos: a new photo's file lies under the person's own media prefix.
DROP POLICY photos_insert_own ON photos;
CREATE POLICY photos_insert_own ON photos FOR INSERT TO wanderframe_user
    WITH CHECK (
        photos.user_id = acting_user_id()
        AND photos.media_key LIKE 'photos/' || acting_user_id()::text || '/%');
