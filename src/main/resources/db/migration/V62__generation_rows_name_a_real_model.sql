-- A generation row the request role inserts was already tied to its own charge (for exactly
-- its cost) and to the person's own media; its model was not, so a SQL bug on a request path
-- could record a hosted model's job (or a long, sharp video) paid at a local model's (or a
-- short clip's) price. The app writes its catalogue's prices here at start-up (as the login
-- role): every model of each kind, each combination (`6s-768p`, `image`) with its price. A
-- restrictive policy (ANDed with the insert policies) then asks that a new row name a model and
-- combination that exist and cost at least that price; surcharges (sound) only add to it.
CREATE TABLE generation_prices (
    kind     text    NOT NULL CHECK (kind IN ('image', 'video')),
    model    text    NOT NULL,
    choice   text    NOT NULL,
    min_cost integer NOT NULL CHECK (min_cost >= 0),
    PRIMARY KEY (kind, model, choice)
);
GRANT SELECT ON generation_prices TO wanderframe_user;

CREATE POLICY video_generations_insert_priced_model ON video_generations AS RESTRICTIVE FOR INSERT
    TO wanderframe_user
    WITH CHECK (EXISTS (
        SELECT FROM generation_prices p
        WHERE p.kind = 'video' AND p.model = video_generations.model
          AND p.choice = video_generations.duration_seconds || 's-' || video_generations.resolution
          AND video_generations.cost >= p.min_cost));

CREATE POLICY generated_images_insert_priced_model ON generated_images AS RESTRICTIVE FOR INSERT
    TO wanderframe_user
    WITH CHECK (EXISTS (
        SELECT FROM generation_prices p
        WHERE p.kind = 'image' AND p.model = generated_images.model AND p.choice = 'image'
          AND generated_images.cost >= p.min_cost));
