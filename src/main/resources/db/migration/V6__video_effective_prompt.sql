-- What the generator is told: the template's camera language followed by the person's words.
-- Kept apart from `prompt` (the person's own words, shown back to them) so a job that runs after
-- a template's wording changed still renders what was paid for.
ALTER TABLE video_generations ADD COLUMN effective_prompt text NOT NULL DEFAULT '';
ALTER TABLE video_generations ALTER COLUMN effective_prompt DROP DEFAULT;
