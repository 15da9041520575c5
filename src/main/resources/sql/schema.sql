-- The cohort store. Mirrors data-dictionary/datapackage.json; personnummer is never a column:
-- it is replaced by person_id (keyed HMAC-SHA256) at import.
-- Keys (the dictionary's primaryKey, noted per table) are enforced by import, which checks them set-based
-- and replaces rows whose key is already stored; DuckDB PRIMARY KEY indexes would make loading about 5x
-- slower than read_csv and import is the only writer.
CREATE TABLE IF NOT EXISTS episodes (
  episode_id             VARCHAR NOT NULL, -- key
  person_id              VARCHAR NOT NULL,
  programme              VARCHAR NOT NULL,
  municipality           VARCHAR NOT NULL,
  referral_date          DATE NOT NULL,
  referral_source        VARCHAR NOT NULL,
  birth_year             INTEGER,
  gender                 VARCHAR,
  born_abroad            BOOLEAN,
  education              VARCHAR,
  income_source_at_entry VARCHAR,
  occupation_at_entry    VARCHAR,
  consent                BOOLEAN,
  episode_kind           VARCHAR NOT NULL DEFAULT 'enrolled'
);
CREATE TABLE IF NOT EXISTS events (
  episode_id VARCHAR NOT NULL,
  event_date DATE NOT NULL,
  event_type VARCHAR NOT NULL
  -- key: episode_id, event_type, event_date
);
-- step is as recorded on its ladder; step_std is the same assessment on the default ladder (crosswalk applied).
CREATE TABLE IF NOT EXISTS step_assessments (
  episode_id   VARCHAR NOT NULL,
  assessed_on  DATE NOT NULL,
  ladder       VARCHAR NOT NULL,
  step         INTEGER NOT NULL,
  step_std     INTEGER NOT NULL,
  assessor_org VARCHAR
  -- key: episode_id, assessed_on, ladder
);
CREATE TABLE IF NOT EXISTS exits (
  episode_id            VARCHAR NOT NULL, -- key
  exit_date             DATE NOT NULL,
  destination           VARCHAR NOT NULL,
  income_source_at_exit VARCHAR,
  occupation_at_exit    VARCHAR
);
CREATE TABLE IF NOT EXISTS follow_ups (
  episode_id  VARCHAR NOT NULL,
  offset_days INTEGER NOT NULL,
  observed_on DATE,
  status      VARCHAR NOT NULL
  -- key: episode_id, offset_days
);
-- month is the first day of the calendar month.
CREATE TABLE IF NOT EXISTS staffing (
  programme    VARCHAR NOT NULL,
  municipality VARCHAR NOT NULL,
  month        DATE NOT NULL,
  fte          DOUBLE NOT NULL
  -- key: programme, municipality, month
);
CREATE TABLE IF NOT EXISTS import_log (
  import_id    INTEGER NOT NULL,
  imported_at  TIMESTAMP NOT NULL,
  file_name    VARCHAR NOT NULL,
  sha256       VARCHAR NOT NULL,
  table_name   VARCHAR NOT NULL,
  rows         BIGINT NOT NULL,
  tool_version VARCHAR NOT NULL,
  key_id       VARCHAR
);
