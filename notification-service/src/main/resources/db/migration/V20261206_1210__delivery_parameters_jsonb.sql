-- A delivery's parameters are a JSON object written by the service (never blank): Hibernate maps the column itself.
ALTER TABLE mail_delivery ALTER COLUMN parameters TYPE jsonb USING parameters::jsonb;
