-- Defence in depth on money: the request role no longer writes credit_accounts or credit_ledger
-- at all. A request spends credits only through charge_credits(), which can only take credits
-- away, only from the acting person's own account, and only together with its ledger row; a SQL
-- bug on a request path can no longer set a balance or write a ledger row of its own making.
-- Grants and refunds stay with sign-up and background work (the table owner).

-- The new balance, or NULL when the balance does not cover p_amount (nothing changes then).
-- SECURITY DEFINER: runs as the owner of the tables, so it checks the caller itself.
CREATE FUNCTION charge_credits(p_user uuid, p_amount integer, p_reference uuid, p_reason text) RETURNS integer
    LANGUAGE plpgsql
    VOLATILE
    SECURITY DEFINER
    -- a definer function must not resolve names through a path the caller controls
    SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp
AS $$
DECLARE
    new_balance integer;
BEGIN
    -- Request work (the wanderframe_user role, with an acting user) spends its own credits only.
    -- The role check also refuses a request transaction whose acting user went missing.
    IF (acting_user_id() IS NOT NULL OR current_setting('role', true) = 'wanderframe_user')
            AND p_user IS DISTINCT FROM acting_user_id() THEN
        RAISE EXCEPTION 'charge_credits: may charge only the acting user''s own credits'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_amount IS NULL OR p_amount <= 0 THEN
        RAISE EXCEPTION 'charge_credits: a charge must be positive' USING ERRCODE = 'check_violation';
    END IF;
    -- One statement: the conditional debit and its ledger row happen together or not at all, and
    -- concurrent charges serialize on the account row (the CHECK keeps the balance >= 0 regardless).
    WITH debit AS (
        UPDATE credit_accounts SET balance = balance - p_amount
        WHERE user_id = p_user AND balance >= p_amount
        RETURNING balance)
    INSERT INTO credit_ledger (user_id, kind, amount, reference, reason)
    SELECT p_user, 'charge', -p_amount, p_reference, p_reason FROM debit
    RETURNING (SELECT balance FROM debit) INTO new_balance;
    RETURN new_balance;
END;
$$;

REVOKE ALL ON FUNCTION charge_credits(uuid, integer, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION charge_credits(uuid, integer, uuid, text) TO wanderframe_user;

-- The request role keeps reading its own account and ledger; it writes neither any more.
DROP POLICY credit_accounts_charge_own ON credit_accounts;
DROP POLICY credit_ledger_charge_own ON credit_ledger;
-- (revoking UPDATE on the table revokes V1's column grant UPDATE (balance) with it)
REVOKE UPDATE ON credit_accounts FROM wanderframe_user;
REVOKE INSERT ON credit_ledger FROM wanderframe_user;
