-- A recorded past result may give only its index (e.g. Kota Kediri 2021: 3.06, no dimension figures published):
-- the dimension scores are then not known, stored as NULL rather than invented.
ALTER TABLE evaluation ALTER COLUMN dimensions DROP NOT NULL;
