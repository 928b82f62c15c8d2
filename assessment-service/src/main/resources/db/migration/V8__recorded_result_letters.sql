-- Issue 18 item 2: a result letter recorded on its own (POST /api/v1/result-letters), from its sources, without a
-- cycle of this service: no cycle, no selection, origin RECORDED, sources required. Letters of a cycle stay LIVE.
ALTER TABLE result_letter
    ALTER COLUMN cycle_id DROP NOT NULL,
    ALTER COLUMN selection_id DROP NOT NULL,
    ADD COLUMN origin  VARCHAR(8) NOT NULL DEFAULT 'LIVE' CHECK (origin IN ('LIVE', 'RECORDED')),
    ADD COLUMN sources JSONB,
    ADD CONSTRAINT result_letter_origin_cycle CHECK ((origin = 'LIVE') = (cycle_id IS NOT NULL AND selection_id IS NOT NULL)),
    ADD CONSTRAINT result_letter_recorded_sources CHECK (origin = 'LIVE' OR sources IS NOT NULL);
