-- Operators grant credits from /admin: a ledger kind of its own, naming the operator who granted
-- and (as every ledger row) the reason. Each grant carries its own reference (the id the admin
-- page gave the form), so submitting the same form twice grants once (UNIQUE (reference, kind)).
-- Operator grants are written by the admin module as the login role; the request role still
-- writes no ledger row.
ALTER TABLE credit_ledger ADD COLUMN operator text;
ALTER TABLE credit_ledger DROP CONSTRAINT credit_ledger_kind_check;
ALTER TABLE credit_ledger ADD CONSTRAINT credit_ledger_kind_check
    CHECK (kind IN ('grant', 'charge', 'refund', 'operator_grant'));
ALTER TABLE credit_ledger ADD CONSTRAINT credit_ledger_operator_grant_names_operator
    CHECK ((kind = 'operator_grant') = (operator IS NOT NULL));
