-- Issue 18 item 2: a recorded evaluation result names its sources (platform Source: title, url, publishedOn), at
-- least one. The single source of the earlier records (source_title, source_url) becomes the first of the list;
-- source_title/source_url keep the first source (widened to the platform's 2000 characters) for the older reads.
ALTER TABLE evaluation ADD COLUMN sources JSONB;
ALTER TABLE evaluation ALTER COLUMN source_url TYPE VARCHAR(2000);
UPDATE evaluation SET sources = jsonb_build_object('items', jsonb_build_array(
        jsonb_build_object('title', source_title, 'url', source_url, 'publishedOn', NULL)))
    WHERE source = 'RECORDED' AND source_url IS NOT NULL;
