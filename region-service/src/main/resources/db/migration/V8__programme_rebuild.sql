-- Issue 27: a rebuild of a programme consumer (POST /admin/consumers/{channel}/rebuild) builds BESIDE the live
-- projection and swaps when its replay has caught up, so readers see the old timeline until then and the new one
-- after, never a half-built one.
--
-- programme_rebuild holds tables like the live ones the consumers write. While a topic is being rebuilt its consumer
-- writes into them (service.ProgrammeTimeline sets the transaction's search_path to programme_rebuild, public);
-- every other consumer, the profile writes and every reader go on with the live tables. When the replay has caught
-- up, one transaction replaces the topic's slice of the live tables with the rebuilt one and derives the stages of
-- the regions concerned again (ProgrammeTimeline.swap).
--
-- A migration that changes timeline_entry, programme_mou, programme_masterplan or programme_evaluation changes the
-- table of the same name here in the same way (the swap copies rows column for column; RebuildBesideTest checks it).
CREATE SCHEMA programme_rebuild;
CREATE TABLE programme_rebuild.timeline_entry (LIKE public.timeline_entry INCLUDING ALL);
CREATE TABLE programme_rebuild.programme_mou (LIKE public.programme_mou INCLUDING ALL);
CREATE TABLE programme_rebuild.programme_masterplan (LIKE public.programme_masterplan INCLUDING ALL);
CREATE TABLE programme_rebuild.programme_evaluation (LIKE public.programme_evaluation INCLUDING ALL);

-- One row per consumed topic that was ever rebuilt: BUILDING while its replay runs (its consumer writes into
-- programme_rebuild), LIVE once swapped. A service that starts and finds a topic BUILDING (it stopped half-way)
-- rebuilds that consumer again from the beginning (service.ProgrammeRebuilds); readers stay on the live tables.
CREATE TABLE programme_build (
    topic      VARCHAR(255) PRIMARY KEY,
    channel    VARCHAR(255) NOT NULL,
    state      VARCHAR(10)  NOT NULL CHECK (state IN ('BUILDING', 'LIVE')),
    started_at TIMESTAMPTZ  NOT NULL,
    swapped_at TIMESTAMPTZ,
    swap_ms    INTEGER      -- how long the swapping transaction took, from its lock to its last statement
);
