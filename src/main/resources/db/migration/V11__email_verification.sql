-- Email verification (when mail is configured): the welcome credits wait for the address to be
-- confirmed by a link. Only a hash of each link's token is kept; a link works once, until it
-- expires. Written and read by sign-up and verification, which act as no one: the request role
-- only reads whether its own account still awaits verification.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
ALTER TABLE users ADD COLUMN awaiting_verification boolean NOT NULL DEFAULT false;
GRANT SELECT (awaiting_verification) ON users TO wanderframe_user;

CREATE TABLE email_verifications (
    token_hash text PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_verifications_user_idx ON email_verifications (user_id, created_at DESC);
ALTER TABLE email_verifications ENABLE ROW LEVEL SECURITY;
