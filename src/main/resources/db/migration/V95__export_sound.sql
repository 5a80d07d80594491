-- Whether an export carries the video's sound (MP4 and WebM keep it where the video has some; a
-- GIF never does). NULL for exports made before sound was kept, and until one is completed.
ALTER TABLE video_exports ADD COLUMN output_sound boolean;
