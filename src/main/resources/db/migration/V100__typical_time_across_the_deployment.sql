-- The typical time a model takes is a figure of the whole deployment: a person who has never
-- used a model should see how long it takes for everyone, not the catalogue's guess. Request
-- transactions see only their own rows (row-level security), so the median is taken by a
-- definer function that returns one number and nothing about any row or person.
CREATE FUNCTION model_typical_seconds(p_table text, p_model text, p_last integer) RETURNS double precision
    LANGUAGE plpgsql
    STABLE
    SECURITY DEFINER
    -- a definer function must not resolve names through a path the caller controls
    SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp
AS $$
DECLARE
    median double precision;
BEGIN
    -- Only the generation tables; never a table the caller names freely.
    IF p_table NOT IN ('video_generations', 'generated_images') THEN
        RAISE EXCEPTION 'model_typical_seconds: not a generation table' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_last IS NULL OR p_last < 1 OR p_last > 1000 THEN
        RAISE EXCEPTION 'model_typical_seconds: between 1 and 1000 generations' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format($q$
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FROM (
            SELECT extract(epoch FROM completed_at - created_at) AS seconds FROM %I
             WHERE model = $1 AND status = 'completed' AND completed_at IS NOT NULL
             ORDER BY completed_at DESC LIMIT $2) recent
        $q$, p_table)
        INTO median
        USING p_model, p_last;
    RETURN median;
END;
$$;

REVOKE ALL ON FUNCTION model_typical_seconds(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION model_typical_seconds(text, text, integer) TO wanderframe_user;
