-- Who may see each fact of the programme projection (platform-web Visibility): stated by the producer of the event
-- (ce_visibility), applied to every reader of the timeline, dossier, stages and region lists (issue 19).
-- Entries kept before this migration did not record it: the cautious REGION (staff and the region's own officers)
-- until a rebuild reads it again from the events; the region's own profile facts are public.
ALTER TABLE timeline_entry ADD COLUMN visibility VARCHAR(32) NOT NULL DEFAULT 'REGION';
UPDATE timeline_entry SET visibility = 'PUBLIC' WHERE source_kind = 'PROFILE';
ALTER TABLE timeline_entry ALTER COLUMN visibility DROP DEFAULT;

-- The stage as each audience sees it: stage/stage_year are the staff's (every fact); integrators see public facts and
-- signed MoUs; everyone else (another region's officer) public facts only.
ALTER TABLE region_programme ADD COLUMN integrator_stage VARCHAR(30) NOT NULL DEFAULT 'NOT_IN_PROGRAMME';
ALTER TABLE region_programme ADD COLUMN integrator_stage_year INTEGER;
ALTER TABLE region_programme ADD COLUMN public_stage VARCHAR(30) NOT NULL DEFAULT 'NOT_IN_PROGRAMME';
ALTER TABLE region_programme ADD COLUMN public_stage_year INTEGER;
UPDATE region_programme SET integrator_stage = stage, integrator_stage_year = stage_year,
                            public_stage = stage, public_stage_year = stage_year;
CREATE INDEX region_programme_integrator_stage ON region_programme (integrator_stage);
CREATE INDEX region_programme_public_stage ON region_programme (public_stage);

-- The widest audience that sees the region's part in a programme year: 0 public, 1 integrators, 2 staff only
-- (Visibility.Audience, narrowest last). A reader of audience rank r sees the years of rank <= r.
ALTER TABLE region_programme_year ADD COLUMN audience_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE region_programme_year ALTER COLUMN audience_rank DROP DEFAULT;
