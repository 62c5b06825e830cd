-- dmca-service: a takedown's uploader comes from the hub directory at the time of the act (issue 23);
-- with the id, name and e-mail it keeps the language the hub had for them, for the mails they get.
ALTER TABLE dmca_takedown ADD COLUMN uploader_language TEXT;   -- BCP 47 tag; null: the kit's mail locale
