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
  episode_kind           VARCHAR NOT NULL DEFAULT 'enrolled',
  not_relevant_reason    VARCHAR
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
  assessor_org VARCHAR,
  work_capacity_clarified BOOLEAN
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
-- The tables below are optional in an export: a store without their rows holds them empty.
-- partners: codes of code list partner joined by '|' (split with string_split(partners, '|')).
CREATE TABLE IF NOT EXISTS contacts (
  episode_id   VARCHAR NOT NULL,
  contact_date DATE NOT NULL,
  kind         VARCHAR NOT NULL,
  status       VARCHAR NOT NULL,
  partners     VARCHAR
  -- key: episode_id, contact_date, kind
);
-- offset_days: days after exit at a follow-up, 0 at entry and exit.
CREATE TABLE IF NOT EXISTS income_sources (
  episode_id  VARCHAR NOT NULL,
  timing      VARCHAR NOT NULL,
  offset_days INTEGER NOT NULL,
  source      VARCHAR NOT NULL,
  extent      VARCHAR NOT NULL DEFAULT 'full'
  -- key: episode_id, timing, offset_days, source
);
CREATE TABLE IF NOT EXISTS applications (
  episode_id VARCHAR NOT NULL,
  applied_on DATE NOT NULL,
  benefit    VARCHAR NOT NULL,
  decided_on DATE,
  decision   VARCHAR NOT NULL
  -- key: episode_id, applied_on, benefit
);
-- month is the first day of the calendar month.
CREATE TABLE IF NOT EXISTS partner_hours (
  programme    VARCHAR NOT NULL,
  municipality VARCHAR NOT NULL,
  partner      VARCHAR NOT NULL,
  month        DATE NOT NULL,
  hours_agreed DOUBLE,
  hours_given  DOUBLE
  -- key: programme, municipality, partner, month
);
-- programme and municipality empty: the event concerns all of them.
CREATE TABLE IF NOT EXISTS context_events (
  programme    VARCHAR,
  municipality VARCHAR,
  starts_on    DATE NOT NULL,
  ends_on      DATE,
  kind         VARCHAR NOT NULL,
  label_sv     VARCHAR NOT NULL,
  label_en     VARCHAR
  -- key: kind, starts_on, label_sv
);
CREATE TABLE IF NOT EXISTS ratings (
  episode_id VARCHAR NOT NULL,
  instrument VARCHAR NOT NULL,
  rated_on   DATE NOT NULL,
  score      DOUBLE NOT NULL,
  timing     VARCHAR NOT NULL
  -- key: episode_id, instrument, rated_on
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
-- Stores built before the optional tables existed gain their columns (the tables above are created if missing).
ALTER TABLE episodes ADD COLUMN IF NOT EXISTS not_relevant_reason VARCHAR;
ALTER TABLE step_assessments ADD COLUMN IF NOT EXISTS work_capacity_clarified BOOLEAN;
