-- A case linked to removed content whose removal was later reversed (an upheld appeal, a DMCA restoration, staff):
-- the reversing decision, so the queue stops ranking it as linked and staff read that the removal no longer stands.
ALTER TABLE review_case ADD COLUMN linked_decision_reversed_by UUID;
CREATE INDEX review_case_linked_decision ON review_case (linked_decision_id) WHERE linked_decision_id IS NOT NULL;
