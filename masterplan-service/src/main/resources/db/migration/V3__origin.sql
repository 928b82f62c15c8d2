-- Issue 18, item 2: every programme fact says where it comes from. `origin` is now the platform's Origin: LIVE (made
-- through this suite's workflow) or RECORDED (recorded from its sources after the fact). What `origin` held before
-- (how the work was opened: MOU_SIGNED, MANUAL) moves to `opened_from`; every row written before is LIVE.

ALTER TABLE masterplan RENAME COLUMN origin TO opened_from;
ALTER TABLE masterplan ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'LIVE';
