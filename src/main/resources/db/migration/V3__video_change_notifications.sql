-- Every change of a video generation is announced on a channel; each app instance LISTENs and
-- forwards it to the browsers following that generation. NOTIFY is transactional: listeners
-- hear only committed changes, in commit order.
CREATE FUNCTION notify_video_generation_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('video_generation_changed', NEW.id::text);
    RETURN NEW;
END;
$$;

CREATE TRIGGER video_generations_changed
    AFTER INSERT OR UPDATE ON video_generations
    FOR EACH ROW
EXECUTE FUNCTION notify_video_generation_changed();
