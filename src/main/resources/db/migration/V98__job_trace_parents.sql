-- The trace a request started, continued by the background jobs it scheduled (observability's
-- JobTraces): the W3C traceparent of the request's span, under the id the jobs' instance ids name
-- (a generation's id). No person's data: ids and a trace id. The request role may only add the
-- trace of the acting person's own pending generation, in the transaction that schedules its first
-- job, and reads nothing; the jobs read it as the login role, which owns the table.
CREATE TABLE job_trace_parents (
    subject     uuid        PRIMARY KEY,
    traceparent text        NOT NULL CHECK (traceparent ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_trace_parents_created_at_idx ON job_trace_parents (created_at);

ALTER TABLE job_trace_parents ENABLE ROW LEVEL SECURITY;
GRANT INSERT ON job_trace_parents TO wanderframe_user;
CREATE POLICY job_trace_parents_own_pending_generation ON job_trace_parents FOR INSERT TO wanderframe_user
    WITH CHECK (
        EXISTS (
            SELECT FROM generated_images i
            WHERE i.id = job_trace_parents.subject AND i.user_id = acting_user_id() AND i.status = 'pending')
        OR EXISTS (
            SELECT FROM video_generations v
            WHERE v.id = job_trace_parents.subject AND v.user_id = acting_user_id() AND v.status = 'pending'));
