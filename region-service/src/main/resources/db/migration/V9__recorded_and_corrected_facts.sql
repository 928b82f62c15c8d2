-- Issue 18 items 2 and 3: a timeline entry says whether its fact was recorded from its sources or happened in the
-- live workflow, and carries the open record of its corrections, its withdrawal or its cycle's cancellation.
--
--   origin    LIVE or RECORDED (the event's data.origin; events from before issue 18 say nothing: LIVE)
--   sources   the event's data.sources of a recorded fact (platform Source: title, url, publishedOn), as given,
--             kept as {"items": [...]} (the reactive client maps a JSON column to an object)
--   revision  the fact's revision the entry shows: 1 for its creation event, correction.revision of a …Corrected
--   corrected the last correction applied: {revision, reason, sources, at, previous}
--   withdrawn {revision, reason, sources, at} of a …Withdrawn event: kept, but out of the stage, the dossier and
--             the default timeline read (?includeWithdrawn=true shows it)
--   cancelled {reason, at, …} of an AssessmentCycleCancelled / InvitationCancelled / EvaluationCycleCancelled: as withdrawn
--
-- The rebuild tables (programme_rebuild, V8) get the same columns in the same order: the swap copies rows with
-- INSERT ... SELECT * (RebuildBesideTest checks the parity).
ALTER TABLE timeline_entry ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'LIVE' CHECK (origin IN ('LIVE', 'RECORDED'));
ALTER TABLE timeline_entry ADD COLUMN sources JSONB;
ALTER TABLE timeline_entry ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE timeline_entry ADD COLUMN corrected JSONB;
ALTER TABLE timeline_entry ADD COLUMN withdrawn JSONB;
ALTER TABLE timeline_entry ADD COLUMN cancelled JSONB;

ALTER TABLE programme_rebuild.timeline_entry ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'LIVE' CHECK (origin IN ('LIVE', 'RECORDED'));
ALTER TABLE programme_rebuild.timeline_entry ADD COLUMN sources JSONB;
ALTER TABLE programme_rebuild.timeline_entry ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE programme_rebuild.timeline_entry ADD COLUMN corrected JSONB;
ALTER TABLE programme_rebuild.timeline_entry ADD COLUMN withdrawn JSONB;
ALTER TABLE programme_rebuild.timeline_entry ADD COLUMN cancelled JSONB;

-- the entries a …Cancelled cycle concerns, in every region, are found by their cycleId
CREATE INDEX timeline_entry_cycle ON timeline_entry (source_topic, (facts ->> 'cycleId'));
CREATE INDEX timeline_entry_cycle ON programme_rebuild.timeline_entry (source_topic, (facts ->> 'cycleId'));

-- A cancelled cycle (or one region's invitation to it) as its topic's consumer received it, so that an entry of
-- that cycle applied after the cancellation is marked too: events of a cycle are keyed by region, its cancellation
-- by the cycle, and a replay applies partitions side by side. region_code '' = every region. Rebuilt beside and
-- swapped with the topic's entries (programme_rebuild has the same table).
CREATE TABLE programme_cancellation (
    topic       VARCHAR(255) NOT NULL,
    cycle_id    VARCHAR(64)  NOT NULL,
    region_code VARCHAR(13)  NOT NULL,
    cancelled   JSONB        NOT NULL,
    PRIMARY KEY (topic, cycle_id, region_code)
);
CREATE TABLE programme_rebuild.programme_cancellation (LIKE public.programme_cancellation INCLUDING ALL);
