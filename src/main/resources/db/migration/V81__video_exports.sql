-- Exports: a person's edited copy of one of their finished videos (another format, trimmed,
-- faster or slower, a boomerang, another aspect), made in the background by FFmpeg. The file is
-- stored under exports/<user>/, so it counts toward the person's storage quota (media_usage).
CREATE TABLE video_exports (
    id            uuid PRIMARY KEY,
    video_id      uuid        NOT NULL REFERENCES video_generations (id),
    user_id       uuid        NOT NULL REFERENCES users (id),
    format        text        NOT NULL CHECK (format IN ('mp4', 'gif', 'webm')),
    trim_start    double precision CHECK (trim_start >= 0),
    trim_end      double precision CHECK (trim_end > trim_start),
    speed         double precision NOT NULL DEFAULT 1 CHECK (speed BETWEEN 0.5 AND 2),
    loop          text        NOT NULL DEFAULT 'none' CHECK (loop IN ('none', 'boomerang')),
    aspect        text        CHECK (aspect IN ('16:9', '9:16', '1:1')),
    focus_x       double precision CHECK (focus_x BETWEEN 0 AND 1),
    focus_y       double precision CHECK (focus_y BETWEEN 0 AND 1),
    width         integer     CHECK (width BETWEEN 64 AND 1920),
    status        text        NOT NULL DEFAULT 'pending'
                              CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    media_key     text,
    bytes         bigint,
    output_width  integer,
    output_height integer,
    output_fps    double precision,
    output_seconds double precision,
    error_code    text,
    error_message text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    CHECK ((status = 'completed') = (media_key IS NOT NULL))
);
CREATE INDEX idx_video_exports_video ON video_exports (video_id);
CREATE INDEX idx_video_exports_user ON video_exports (user_id, created_at DESC);

ALTER TABLE video_exports ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_exports_select_own ON video_exports FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
-- A request records a pending export of the person's own finished, visible video; the job
-- (the login role) makes and stores the file.
CREATE POLICY video_exports_insert_own ON video_exports FOR INSERT TO wanderframe_user
    WITH CHECK (
        user_id = acting_user_id()
        AND status = 'pending' AND media_key IS NULL AND bytes IS NULL AND error_code IS NULL
        AND completed_at IS NULL
        AND EXISTS (
            SELECT FROM video_generations v
            WHERE v.id = video_exports.video_id AND v.user_id = acting_user_id()
              AND v.status = 'completed' AND v.deleted_at IS NULL));
CREATE POLICY video_exports_delete_own ON video_exports FOR DELETE TO wanderframe_user
    USING (user_id = acting_user_id());
GRANT SELECT, INSERT, DELETE ON video_exports TO wanderframe_user;

-- The request that records an export schedules its job, and only that (permissive policies add
-- up: this stands beside the generations' own policy of V42).
CREATE POLICY scheduled_tasks_start_own_export ON scheduled_tasks FOR INSERT TO wanderframe_user
    WITH CHECK (
        NOT scheduled_tasks.picked AND scheduled_tasks.picked_by IS NULL
        AND scheduled_tasks.task_name = 'video-export'
        AND EXISTS (
            SELECT FROM video_exports e
            WHERE e.id::text = scheduled_tasks.task_instance AND e.user_id = acting_user_id()
              AND e.status = 'pending'));
