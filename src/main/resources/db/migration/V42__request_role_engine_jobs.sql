-- The one generation engine schedules "generation-start" with the instance id "<kind>:<id>" (V40):
-- the request role may still schedule only the first job of the generation it has just paid for.
DROP POLICY scheduled_tasks_start_own_generation ON scheduled_tasks;
CREATE POLICY scheduled_tasks_start_own_generation ON scheduled_tasks FOR INSERT TO wanderframe_user
    WITH CHECK (
        NOT scheduled_tasks.picked AND scheduled_tasks.picked_by IS NULL
        AND scheduled_tasks.task_name = 'generation-start'
        AND (
            EXISTS (
                SELECT FROM generated_images i
                WHERE 'image:' || i.id::text = scheduled_tasks.task_instance AND i.user_id = acting_user_id()
                  AND i.status = 'pending')
            OR EXISTS (
                SELECT FROM video_generations v
                WHERE 'video:' || v.id::text = scheduled_tasks.task_instance AND v.user_id = acting_user_id()
                  AND v.status = 'pending')));

-- A video may now end on a chosen picture (V41): like the first frame, it must be the person's
-- own finished image or upload, by id and media key. Everything else is as V30 has it.
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
                  AND p.media_key = video_generations.end_image_key)));
