-- "Queued, N ahead": a local render waits for one of its worker's render slots while its row
-- stays 'pending'. The people ahead of it are the pending generations of the same model that
-- were asked for earlier, by anyone; a request sees only its own rows, so the count is made by
-- the table owner, and only for a generation the caller may see (its own, or any for
-- background work). It reveals a number, never a row.
CREATE FUNCTION video_queue_ahead(p_id uuid) RETURNS integer
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    -- a definer function must not resolve names through a path the caller controls
    SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp
AS $$
    SELECT count(other.id)::integer
      FROM video_generations mine
      LEFT JOIN video_generations other
        ON other.status = 'pending' AND other.model = mine.model
       AND (other.created_at, other.id) < (mine.created_at, mine.id)
     WHERE mine.id = p_id AND mine.status = 'pending'
       AND (mine.user_id = acting_user_id()
            OR (acting_user_id() IS NULL AND current_setting('role', true) IS DISTINCT FROM 'wanderframe_user'))
     GROUP BY mine.id
$$;

REVOKE ALL ON FUNCTION video_queue_ahead(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION video_queue_ahead(uuid) TO wanderframe_user;

CREATE INDEX idx_video_generations_pending_queue ON video_generations (model, created_at, id)
    WHERE status = 'pending';

-- When a generation leaves the queue, everyone behind it moves up: announce it once per model,
-- so each instance refreshes the positions it shows to the browsers it serves.
CREATE FUNCTION notify_video_queue_moved() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('video_queue_moved', NEW.model);
    RETURN NEW;
END;
$$;

CREATE TRIGGER video_generations_queue_moved
    AFTER UPDATE OF status ON video_generations
    FOR EACH ROW
    WHEN (OLD.status = 'pending' AND NEW.status <> 'pending')
EXECUTE FUNCTION notify_video_queue_moved();
