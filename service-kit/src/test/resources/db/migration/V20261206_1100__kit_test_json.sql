-- A record in a jsonb column (@JdbcTypeCode(SqlTypes.JSON)) and a list in an array, both mapped by Hibernate.
CREATE TABLE kit_test_shaped (
    id     UUID PRIMARY KEY,
    links  TEXT[] NOT NULL,
    shape  JSONB
);
