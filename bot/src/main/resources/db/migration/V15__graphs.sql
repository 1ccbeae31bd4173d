-- Issue 20: the COE's figures, kept with the COE so that publishing (again) uploads them without asking anyone:
-- graphs drawn from Prometheus (the query, the window and the server they were drawn from, so they can be drawn
-- again) and the chart of the COE's own timeline (one per COE, redrawn from the COE's data). The server is stored
-- without any user:password part; the COE_PROMETHEUS_HEADERS (auth) are never stored.
CREATE TABLE coe_graph (
    id               BIGSERIAL PRIMARY KEY,
    team_id          TEXT        NOT NULL,
    coe_id           BIGINT      NOT NULL REFERENCES coe (id),
    kind             TEXT        NOT NULL,
    number           INT         NOT NULL,
    title            TEXT        NOT NULL,
    query            TEXT,
    server           TEXT,
    window_from      TIMESTAMPTZ,
    window_to        TIMESTAMPTZ,
    step_seconds     BIGINT,
    series           INT         NOT NULL DEFAULT 0,
    png              BYTEA       NOT NULL,
    png_sha256       TEXT        NOT NULL,
    published_sha256 TEXT,
    drawn_by         TEXT,
    drawn_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (coe_id, kind, number)
);

-- An image the outbox uploads (a graph's PNG): the bytes travel with the message, as a text file's content does.
ALTER TABLE outbox ADD COLUMN file_bytes BYTEA;

-- What each publish target last attached of a COE's figures (by name, with the PNG's digest): publishing again
-- attaches only a figure that is new or was drawn anew. 'slack' today; the canvas, Confluence and Git targets of
-- issue 19 keep their own rows.
CREATE TABLE published_figure (
    coe_id  BIGINT NOT NULL REFERENCES coe (id),
    team_id TEXT   NOT NULL,
    target  TEXT   NOT NULL,
    name    TEXT   NOT NULL,
    sha256  TEXT   NOT NULL,
    PRIMARY KEY (coe_id, target, name)
);
