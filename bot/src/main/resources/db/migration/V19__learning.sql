-- (Numbered 19, not the 16 planned: main already applies V18, and a database at 18 would never run a 16.)
-- Issue 21: learning across COEs. One search row per COE, kept current by triggers on the tables that hold what a COE
-- says (coe, interview, whys_session, timeline_entry), at the commit of the very transaction that changes them: whichever feature,
-- instance or future code path writes a COE, its search row cannot be left behind, and no feature's code has to
-- remember to call the search. Each part of the text is recomputed only by its own table's trigger, so an answer does
-- not re-read the timeline, and a timeline entry added is appended rather than re-reading all the others.
-- The functions know the JSON shapes of interview.state (answers.<question>.value) and whys_session.state
-- (tree.problem, tree.nodes[].text, .rootCause, .remediations[].text); SearchEndToEndTest writes a COE through the
-- app and finds it by a word from each part, so a change of shape fails a test.
CREATE TABLE coe_search (
    coe_id        BIGINT PRIMARY KEY REFERENCES coe (id) ON DELETE CASCADE,
    team_id       TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    number        INT         NOT NULL,
    owner_user_id TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    opened_at     TIMESTAMPTZ NOT NULL,
    -- the latest change of anything the COE says (the rows' own times, written by the app's clock)
    active_at     TIMESTAMPTZ NOT NULL,
    title         TEXT        NOT NULL,
    -- the interview's answers used as filters and in related COEs
    severity      TEXT,
    services      TEXT,
    summary       TEXT        NOT NULL DEFAULT '',
    answers_text  TEXT        NOT NULL DEFAULT '',
    causes_text   TEXT        NOT NULL DEFAULT '',
    root_causes   TEXT        NOT NULL DEFAULT '',
    timeline_text TEXT        NOT NULL DEFAULT '',
    answers_v     TSVECTOR    NOT NULL DEFAULT ''::tsvector,
    causes_v      TSVECTOR    NOT NULL DEFAULT ''::tsvector,
    timeline_v    TSVECTOR    NOT NULL DEFAULT ''::tsvector,
    -- ranked: the title and summary weigh most, then the causes, then the other answers, then the timeline
    document      TSVECTOR GENERATED ALWAYS AS (
                      setweight(to_tsvector('english'::regconfig, title || ' ' || summary), 'A')
                      || setweight(causes_v, 'B') || setweight(answers_v, 'C') || setweight(timeline_v, 'D')) STORED,
    -- what makes two COEs alike: their services, underlying and root causes, title and summary
    gist          TSVECTOR GENERATED ALWAYS AS (
                      to_tsvector('english'::regconfig, title || ' ' || coalesce(services, '') || ' ' || root_causes
                                  || ' ' || summary)) STORED,
    services_v    TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(services, ''))) STORED
);
CREATE INDEX coe_search_document ON coe_search USING GIN (document);
CREATE INDEX coe_search_by_team ON coe_search (team_id, active_at DESC);

-- Set (SET LOCAL coe.search_backfill) only by this migration's backfill below: rewriting a row with itself reindexes it.
CREATE FUNCTION coe_search_backfill() RETURNS TEXT LANGUAGE SQL STABLE AS $$
    SELECT nullif(current_setting('coe.search_backfill', true), '')
$$;

CREATE FUNCTION coe_search_answer(state JSONB, question TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
    SELECT nullif(btrim(state -> 'answers' -> question ->> 'value'), '')
$$;

-- The interview's part: every answer but the times and the summary (which has its own weight).
CREATE FUNCTION coe_search_interview() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    s JSONB;
    t TEXT;
BEGIN
    -- a save that changed nothing (the store writes its row on every event) is not activity
    IF TG_OP = 'UPDATE' AND OLD.state IS NOT DISTINCT FROM NEW.state AND coe_search_backfill() IS NULL THEN
        RETURN NULL;
    END IF;
    s := NEW.state::jsonb;
    SELECT coalesce(string_agg(a.value ->> 'value', E'\n' ORDER BY a.key), '') INTO t
    FROM jsonb_each(coalesce(s -> 'answers', '{}'::jsonb)) a
    WHERE a.key NOT IN ('trigger_at', 'detected_at', 'mitigated_at', 'resolved_at', 'mitigated_confirm', 'summary',
                        'severity')
      AND jsonb_typeof(a.value -> 'value') = 'string';
    -- the index must never keep a COE from being written: a text past tsvector's 1 MB keeps its last vector
    BEGIN
    UPDATE coe_search SET
        severity = upper(coe_search_answer(s, 'severity')),
        services = coe_search_answer(s, 'services'),
        summary = coalesce(coe_search_answer(s, 'summary'), ''),
        answers_text = t,
        answers_v = to_tsvector('english'::regconfig, t),
        root_causes = btrim(coalesce(coe_search_answer(s, 'underlying_cause'), '') || E'\n' || whys_root_causes(NEW.coe_id)),
        active_at = greatest(active_at, NEW.updated_at)
    WHERE coe_id = NEW.coe_id;
    EXCEPTION WHEN program_limit_exceeded THEN
        RAISE WARNING 'coe_search: the answers of COE % are not indexed anew: %', NEW.coe_id, SQLERRM;
    END;
    RETURN NULL;
END $$;

-- The root causes of all the COE's 5 Whys sessions, one a line.
CREATE FUNCTION whys_root_causes(coe BIGINT) RETURNS TEXT LANGUAGE SQL STABLE AS $$
    SELECT coalesce(string_agg(n ->> 'text', E'\n' ORDER BY w.number), '')
    FROM whys_session w, jsonb_array_elements(coalesce(w.state::jsonb -> 'tree' -> 'nodes', '[]'::jsonb)) n
    WHERE w.coe_id = coe AND (n ->> 'rootCause')::boolean
$$;

-- The 5 Whys part: every session's problem, causes and remediations.
CREATE FUNCTION coe_search_whys() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    t TEXT;
    underlying TEXT;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.state IS NOT DISTINCT FROM NEW.state AND coe_search_backfill() IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(string_agg(x.line, E'\n'), '') INTO t FROM (
        SELECT w.state::jsonb -> 'tree' ->> 'problem' AS line, w.number, 0 AS node, 0 AS part FROM whys_session w
        WHERE w.coe_id = NEW.coe_id
        UNION ALL
        SELECT n ->> 'text', w.number, (n ->> 'id')::int, 1 FROM whys_session w,
               jsonb_array_elements(coalesce(w.state::jsonb -> 'tree' -> 'nodes', '[]'::jsonb)) n
        WHERE w.coe_id = NEW.coe_id
        UNION ALL
        SELECT r ->> 'text', w.number, (n ->> 'id')::int, 2 FROM whys_session w,
               jsonb_array_elements(coalesce(w.state::jsonb -> 'tree' -> 'nodes', '[]'::jsonb)) n,
               jsonb_array_elements(coalesce(n -> 'remediations', '[]'::jsonb)) r
        WHERE w.coe_id = NEW.coe_id
        ORDER BY 2, 3, 4) x
    WHERE x.line IS NOT NULL;
    SELECT coe_search_answer(i.state::jsonb, 'underlying_cause') INTO underlying FROM interview i WHERE i.coe_id = NEW.coe_id;
    BEGIN
    UPDATE coe_search SET
        causes_text = t,
        causes_v = to_tsvector('english'::regconfig, t),
        root_causes = btrim(coalesce(underlying, '') || E'\n' || whys_root_causes(NEW.coe_id)),
        active_at = greatest(active_at, NEW.updated_at)
    WHERE coe_id = NEW.coe_id;
    EXCEPTION WHEN program_limit_exceeded THEN
        RAISE WARNING 'coe_search: the 5 Whys of COE % are not indexed anew: %', NEW.coe_id, SQLERRM;
    END;
    RETURN NULL;
END $$;

CREATE FUNCTION coe_search_timeline_line(e timeline_entry) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
    SELECT e.text || coalesce(' ' || e.note, '')
$$;

-- The timeline's part. An entry added (the common case: pins, imports of hundreds of messages) is appended; an entry
-- edited or removed re-reads the COE's timeline.
CREATE FUNCTION coe_search_timeline() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    coe BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.coe_id ELSE NEW.coe_id END;
    t TEXT;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.text IS NOT DISTINCT FROM NEW.text AND OLD.note IS NOT DISTINCT FROM NEW.note
       AND coe_search_backfill() IS NULL THEN
        RETURN NULL;
    END IF;
    BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE coe_search SET
            timeline_text = timeline_text || E'\n' || coe_search_timeline_line(NEW),
            timeline_v = timeline_v || to_tsvector('english'::regconfig, coe_search_timeline_line(NEW)),
            active_at = greatest(active_at, NEW.created_at)
        WHERE coe_id = coe;
    ELSE
        SELECT coalesce(string_agg(coe_search_timeline_line(e), E'\n' ORDER BY e.id), '') INTO t
        FROM timeline_entry e WHERE e.coe_id = coe;
        UPDATE coe_search SET timeline_text = t, timeline_v = to_tsvector('english'::regconfig, t) WHERE coe_id = coe;
    END IF;
    EXCEPTION WHEN program_limit_exceeded THEN
        -- the text is kept (the passages and a later edit use it); the vector stays as it was
        UPDATE coe_search SET timeline_text = timeline_text || E'\n' || coe_search_timeline_line(NEW)
        WHERE coe_id = coe AND TG_OP = 'INSERT';
        RAISE WARNING 'coe_search: the timeline of COE % is not indexed anew: %', coe, SQLERRM;
    END;
    RETURN NULL;
END $$;

CREATE FUNCTION coe_search_coe() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO coe_search (coe_id, team_id, channel_id, number, owner_user_id, status, opened_at, active_at, title)
        VALUES (NEW.id, NEW.team_id, NEW.channel_id, NEW.number, NEW.owner_user_id, NEW.status, NEW.created_at,
                NEW.created_at, NEW.title);
    ELSE
        BEGIN
            UPDATE coe_search SET owner_user_id = NEW.owner_user_id, status = NEW.status, title = NEW.title
            WHERE coe_id = NEW.id;
        EXCEPTION WHEN program_limit_exceeded THEN
            UPDATE coe_search SET owner_user_id = NEW.owner_user_id, status = NEW.status WHERE coe_id = NEW.id;
            RAISE WARNING 'coe_search: the title of COE % is not indexed anew: %', NEW.id, SQLERRM;
        END;
    END IF;
    RETURN NULL;
END $$;

-- The search row of a COE is a row every writer of the COE touches, at different moments of their transactions (after
-- the COE's row lock, before the card's render lock…): taken there, it would order those locks differently in different
-- transactions, which deadlocks. So the triggers run at commit (deferred constraint triggers), after every other lock
-- the transaction takes; a COE's row is written the moment it is created, when nobody else can hold it.
CREATE TRIGGER coe_search_coe_created AFTER INSERT ON coe
    FOR EACH ROW EXECUTE FUNCTION coe_search_coe();
CREATE CONSTRAINT TRIGGER coe_search_coe AFTER UPDATE OF title, owner_user_id, status ON coe
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coe_search_coe();
CREATE CONSTRAINT TRIGGER coe_search_interview AFTER INSERT OR UPDATE OF state ON interview
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coe_search_interview();
CREATE CONSTRAINT TRIGGER coe_search_whys AFTER INSERT OR UPDATE OF state ON whys_session
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coe_search_whys();
CREATE CONSTRAINT TRIGGER coe_search_timeline AFTER INSERT OR UPDATE OF text, note OR DELETE ON timeline_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coe_search_timeline();

-- The COEs that exist already: their rows, then each part as its trigger would have written it.
INSERT INTO coe_search (coe_id, team_id, channel_id, number, owner_user_id, status, opened_at, active_at, title)
SELECT id, team_id, channel_id, number, owner_user_id, status, created_at, created_at, title FROM coe;
SET LOCAL coe.search_backfill = 'on';
UPDATE interview SET state = state;
UPDATE whys_session SET state = state;
-- (the triggers run at this migration's commit, while the setting still holds)
UPDATE timeline_entry SET text = text;

-- People who opened the bot's Home lately, and what their Home showed (a digest of the rows it is drawn from), so the
-- refresh job redraws only the Homes whose person's work changed.
CREATE TABLE home_view (
    team_id     TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    opened_at   TIMESTAMPTZ NOT NULL,
    fingerprint TEXT,
    PRIMARY KEY (team_id, user_id)
);

-- Related COEs: what makes two COEs alike is looked up by its words.
CREATE INDEX coe_search_gist ON coe_search USING GIN (gist);
