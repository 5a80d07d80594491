-- Token buckets for request limits shared by all instances (Bucket4j, SELECT ... FOR UPDATE).
CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
