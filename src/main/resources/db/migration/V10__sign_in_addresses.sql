-- Where each person has signed in from (a hash of the address, or of the IPv6 /64), so that
-- guesses at their password from elsewhere cannot slow their own sign-in (SignInThrottle).
-- Read and written only by sign-in and sign-up, which run before anyone acts: the request role
-- gets no rights, and row-level security is on so that it could see nothing anyway.
CREATE TABLE sign_in_addresses (
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    address_hash      text        NOT NULL,
    last_signed_in_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, address_hash)
);
ALTER TABLE sign_in_addresses ENABLE ROW LEVEL SECURITY;
