-- The published COE as a file: the outbox can upload one (kind UPLOAD, the content in text).
ALTER TABLE outbox ADD COLUMN file_name TEXT;

-- The messages a published COE was posted as, one row per part ("summary", "timeline", "timeline-2"...), so that
-- publishing again edits them in place. The part's ts lives in thread_route (owner kind 'published').
CREATE TABLE published_part (
    id         BIGSERIAL PRIMARY KEY,
    team_id    TEXT        NOT NULL,
    coe_id     BIGINT      NOT NULL REFERENCES coe (id),
    part_key   TEXT        NOT NULL,
    position   INT         NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (coe_id, part_key)
);

-- Who published a COE and when; the reason when its owner published it although the quality bar failed.
CREATE TABLE coe_publication (
    coe_id         BIGINT PRIMARY KEY REFERENCES coe (id),
    team_id        TEXT        NOT NULL,
    published_by   TEXT        NOT NULL,
    anyway_reason  TEXT,
    published_at   TIMESTAMPTZ NOT NULL,
    times          INT         NOT NULL
);
