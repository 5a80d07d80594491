-- Buying credits through Stripe Checkout. A purchase is recorded before the person is sent to
-- Stripe; its credits are granted once, by the ledger's UNIQUE (reference, kind) with the
-- purchase's id as the reference, however often the webhook and the reconciliation job see it.

CREATE TABLE credit_purchases (
    id                  uuid PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    pack                text        NOT NULL,
    credits             integer     NOT NULL CHECK (credits > 0),
    -- what Stripe is to collect, in the currency's minor unit
    amount              bigint      NOT NULL CHECK (amount > 0),
    currency            text        NOT NULL,
    status              text        NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'fulfilled', 'expired', 'failed', 'refunded', 'disputed')),
    checkout_session_id text UNIQUE,
    payment_intent_id   text UNIQUE,
    -- after a refund or dispute: what was taken back, and what could not be (spent already)
    reclaimed_credits   integer CHECK (reclaimed_credits >= 0),
    unreclaimed_credits integer CHECK (unreclaimed_credits >= 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    fulfilled_at        timestamptz,
    reversed_at         timestamptz,
    CONSTRAINT credit_purchases_fulfilled_has_payment
        CHECK (status NOT IN ('fulfilled', 'refunded', 'disputed') OR fulfilled_at IS NOT NULL)
);
CREATE INDEX credit_purchases_user_idx ON credit_purchases (user_id, created_at DESC);
CREATE INDEX credit_purchases_open_idx ON credit_purchases (created_at) WHERE status = 'open';

CREATE TRIGGER update_credit_purchases_updated_at
    BEFORE UPDATE ON credit_purchases
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

-- A person may follow their own purchases; every write is the server's (checkout, webhook,
-- reconciliation), made as the login role.
ALTER TABLE credit_purchases ENABLE ROW LEVEL SECURITY;
CREATE POLICY credit_purchases_select_own ON credit_purchases FOR SELECT TO wanderframe_user
    USING (user_id = acting_user_id());
GRANT SELECT ON credit_purchases TO wanderframe_user;

-- The ledger learns two kinds: a purchase (credits in) and its reversal after a refund or a
-- dispute (credits out, never below a zero balance). The old CHECKs are replaced as a whole.
DO $$
DECLARE
    constraint_name text;
BEGIN
    FOR constraint_name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'credit_ledger'::regclass AND contype = 'c'
    LOOP
        EXECUTE format('ALTER TABLE credit_ledger DROP CONSTRAINT %I', constraint_name);
    END LOOP;
END
$$;
ALTER TABLE credit_ledger
    ADD CONSTRAINT credit_ledger_kind_check
        CHECK (kind IN ('grant', 'charge', 'refund', 'purchase', 'purchase_reversal', 'operator_grant')),
    ADD CONSTRAINT credit_ledger_amount_sign_check
        CHECK ((kind IN ('charge', 'purchase_reversal') AND amount < 0)
            OR (kind NOT IN ('charge', 'purchase_reversal') AND amount > 0)),
    ADD CONSTRAINT credit_ledger_reference_check CHECK (kind = 'grant' OR reference IS NOT NULL);
