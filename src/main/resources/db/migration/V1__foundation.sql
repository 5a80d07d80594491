-- Wanderframe foundation: accounts, credits, sessions, background jobs, video generations,
-- and the row-level security that keeps each person's rows their own.

-- The role request work runs under. It owns nothing and cannot bypass RLS; the pool's login
-- role switches to it per transaction (SET LOCAL ROLE) and back automatically at the end.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wanderframe_user') THEN
        CREATE ROLE wanderframe_user NOLOGIN NOBYPASSRLS;
    END IF;
END
$$;
GRANT wanderframe_user TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO wanderframe_user;

-- The user a transaction acts for, set transaction-locally with set_config(..., true).
-- NULL (no rows visible under RLS) when unset.
CREATE FUNCTION acting_user_id() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('wanderframe.acting_user_id', true), '')::uuid $$;

CREATE FUNCTION update_updated_at_column() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

-- Accounts ------------------------------------------------------------------------------------

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_select_own ON users FOR SELECT TO wanderframe_user USING (id = acting_user_id());
-- The password hash is readable by the sign-in path only, which runs before anyone acts.
GRANT SELECT (id, email, created_at) ON users TO wanderframe_user;

-- Credits: a balance and an append-only ledger whose sum it always equals -------------------

CREATE TABLE credit_accounts (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    balance integer NOT NULL CHECK (balance >= 0)
);

CREATE TABLE credit_ledger (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (kind IN ('grant', 'charge', 'refund')),
    amount     integer     NOT NULL,
    -- the generation a charge or refund belongs to
    reference  uuid,
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'charge' AND amount < 0) OR (kind <> 'charge' AND amount > 0)),
    CHECK (kind = 'grant' OR reference IS NOT NULL),
    -- exactly one charge and at most one refund per generation, whatever retries happen
    CONSTRAINT credit_ledger_one_per_reference UNIQUE (reference, kind)
);
CREATE INDEX credit_ledger_user_idx ON credit_ledger (user_id, created_at DESC);

ALTER TABLE credit_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE credit_ledger ENABLE ROW LEVEL SECURITY;
CREATE POLICY credit_accounts_select_own ON credit_accounts FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
-- A request may spend its own user's credits (the charge); refunds and grants are written by
-- background work and sign-up only.
CREATE POLICY credit_accounts_charge_own ON credit_accounts FOR UPDATE TO wanderframe_user
    USING (user_id = acting_user_id()) WITH CHECK (user_id = acting_user_id());
CREATE POLICY credit_ledger_select_own ON credit_ledger FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
CREATE POLICY credit_ledger_charge_own ON credit_ledger FOR INSERT TO wanderframe_user
    WITH CHECK (user_id = acting_user_id() AND kind = 'charge');
GRANT SELECT, UPDATE (balance) ON credit_accounts TO wanderframe_user;
GRANT SELECT, INSERT ON credit_ledger TO wanderframe_user;

-- Video generations: the seed's table with the corrections of seed/NOTES.md ------------------

CREATE TABLE video_generations (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- an owner is required (NOTES #8)
    user_id                uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the step-3 image or upload animated, and the media key of that first frame
    image_id               uuid        NOT NULL,
    image_url              text        NOT NULL,
    prompt                 text        NOT NULL,
    template               text,
    -- media key of our stored copy; NULL until the video is stored (NOTES #3, #5)
    video_url              text,
    poster_url             text,
    status                 text        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    model                  text        NOT NULL,
    provider_prediction_id text,
    duration_seconds       integer     NOT NULL CHECK (duration_seconds > 0),
    resolution             text        NOT NULL,
    cost                   integer     NOT NULL CHECK (cost >= 0),
    progress               integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    error_code             text,
    error_message          text,
    deleted_at             timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    started_at             timestamptz,
    completed_at           timestamptz,
    -- completed exactly when a stored video exists; only failures carry an error
    CONSTRAINT video_generations_completed_has_video CHECK ((status = 'completed') = (video_url IS NOT NULL)),
    CONSTRAINT video_generations_failed_has_error CHECK ((status = 'failed') = (error_code IS NOT NULL))
);
CREATE INDEX idx_video_generations_user_id ON video_generations (user_id);
CREATE INDEX idx_video_generations_created_at ON video_generations (created_at DESC);
CREATE INDEX idx_video_generations_user_created ON video_generations (user_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX idx_video_generations_prediction ON video_generations (provider_prediction_id)
    WHERE provider_prediction_id IS NOT NULL;
CREATE INDEX idx_video_generations_unfinished ON video_generations (status, created_at)
    WHERE status IN ('pending', 'processing');

CREATE TRIGGER update_video_generations_updated_at
    BEFORE UPDATE ON video_generations
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

ALTER TABLE video_generations ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_generations_select_own ON video_generations FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
CREATE POLICY video_generations_insert_own ON video_generations FOR INSERT TO wanderframe_user
    WITH CHECK (user_id = acting_user_id() AND status = 'pending' AND video_url IS NULL);
-- Users may hide (delete) their own rows; status, output and money are the server's (NOTES #4):
-- the request role may update nothing but deleted_at.
CREATE POLICY video_generations_hide_own ON video_generations FOR UPDATE TO wanderframe_user
    USING (user_id = acting_user_id()) WITH CHECK (user_id = acting_user_id());
CREATE POLICY video_generations_delete_own ON video_generations FOR DELETE TO wanderframe_user
    USING (user_id = acting_user_id());
GRANT SELECT, INSERT, DELETE, UPDATE (deleted_at) ON video_generations TO wanderframe_user;

-- Sessions (Spring Session JDBC) so any instance serves any request ---------------------------

CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
GRANT SELECT, INSERT, UPDATE, DELETE ON spring_session, spring_session_attributes TO wanderframe_user;

-- Durable background jobs (db-scheduler), scheduled inside the request's transaction ---------

CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    state                text,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_tasks TO wanderframe_user;
