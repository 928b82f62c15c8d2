-- Who may see each event's fact (platform-web Visibility), stated by the producer and sent as the CloudEvents
-- extension attribute ce_visibility. Rows written before this column have none: the relay then sends none, and
-- consumers read that as the cautious REGION.
ALTER TABLE outbox_event ADD COLUMN visibility varchar(32);
