-- The owner's country and the content's date come from the hub directory at the decision (issue 23).
ALTER TABLE decision ADD COLUMN owner_country text, ADD COLUMN content_date timestamptz;
