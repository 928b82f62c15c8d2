-- Issue 18 item 2: facts recorded from their sources. A cohort member and a declared figure keep their single
-- source (source_url, as before) and now also the list of platform Sources ({"items": [{title, url, publishedOn}]});
-- a member recorded with `sources` only keeps the first url in source_url.
ALTER TABLE cohort_member ADD COLUMN sources JSONB;
ALTER TABLE declared_cohort ADD COLUMN sources JSONB;
