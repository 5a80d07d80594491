-- One generation engine for images and videos: its jobs are generation-start/-poll/-finish with
-- instance ids "<kind>:<id>" and one deadline sweeper. Jobs already scheduled under the old names
-- carry over (their data keeps its type: poll counts stay integers, finish outputs stay strings).
UPDATE scheduled_tasks SET task_name = 'generation-start', task_instance = 'video:' || task_instance
WHERE task_name = 'video-start';
UPDATE scheduled_tasks SET task_name = 'generation-poll', task_instance = 'video:' || task_instance
WHERE task_name = 'video-poll';
UPDATE scheduled_tasks SET task_name = 'generation-finish', task_instance = 'video:' || task_instance
WHERE task_name = 'video-finish';
-- The old image job was re-entrant; a start with a recorded prediction follows it by polling.
UPDATE scheduled_tasks SET task_name = 'generation-start', task_instance = 'image:' || task_instance,
    task_data = NULL
WHERE task_name = 'generate-image';
DELETE FROM scheduled_tasks WHERE task_name = 'video-deadline-sweep';

-- Models are named as the catalogue names them: Replicate's owner/name, or local/...
UPDATE video_generations SET model = 'local/motion' WHERE model = 'wanderframe/local-motion';
UPDATE generated_images SET model = 'local/compositor' WHERE model = 'local-compositor';

CREATE INDEX idx_generated_images_prediction ON generated_images (provider_prediction_id)
    WHERE provider_prediction_id IS NOT NULL;
-- For the typical time per model shown beside the progress bar.
CREATE INDEX idx_video_generations_model_completed ON video_generations (model, completed_at DESC)
    WHERE status = 'completed';
CREATE INDEX idx_generated_images_model_completed ON generated_images (model, completed_at DESC)
    WHERE status = 'completed';
