"""Named SQLite migrations, each applied once, in one transaction."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
CREATE TABLE articles (
    key TEXT PRIMARY KEY,            -- content hash of the normalised text
    id TEXT NOT NULL,                -- the user's id: record id or path
    title TEXT, date TEXT, url TEXT, source TEXT, author TEXT, site TEXT, language TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(key),
    duplicate_kind TEXT, similarity REAL,
    record TEXT,                     -- the CONTRACT.md JSON object (NULL for duplicates)
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE actors (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    actor_id TEXT NOT NULL, name TEXT, country TEXT, sector TEXT, office TEXT, kb_id TEXT,
    method TEXT, reason TEXT,
    PRIMARY KEY (article_key, actor_id)
);
CREATE INDEX actors_country ON actors(country, sector);
CREATE TABLE mentions (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    actor_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
    PRIMARY KEY (article_key, start, "end", actor_id)
);
CREATE TABLE events (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    event_id TEXT NOT NULL, event TEXT NOT NULL, mode TEXT, context TEXT,
    actor TEXT, recipient TEXT,          -- JSON lists of entities
    actor_countries TEXT, recipient_countries TEXT,   -- codes joined by semicolons, for SQL filters
    aux_mode TEXT, date TEXT, date_text TEXT,
    loc_name TEXT, loc_country TEXT, loc_geonameid INTEGER, loc_lat REAL, loc_lon REAL,
    quad_code INTEGER, intensity REAL,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
    sentence_start INTEGER, sentence_end INTEGER,
    reported_by TEXT, coder TEXT, confidence REAL, reason TEXT,
    PRIMARY KEY (article_key, event_id)
);
CREATE INDEX events_type ON events(event, date);
CREATE TABLE quotes (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    quote_id TEXT NOT NULL, kind TEXT NOT NULL,
    content_start INTEGER, content_end INTEGER, content TEXT,
    speaker_actor_id TEXT, speaker_name TEXT, speaker_country TEXT, speaker_sector TEXT,
    speaker_span TEXT, cue TEXT, via_name TEXT, via_country TEXT, addressee TEXT, reason TEXT,
    PRIMARY KEY (article_key, quote_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_country, speaker_name);
CREATE TABLE stances (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    stance_id TEXT NOT NULL, holder_actor_id TEXT, holder_name TEXT, holder_country TEXT,
    holder_sector TEXT, issue TEXT NOT NULL, polarity TEXT NOT NULL,
    toward_name TEXT, toward_country TEXT,
    evidence_start INTEGER, evidence_end INTEGER, evidence TEXT, quote_id TEXT, reason TEXT,
    PRIMARY KEY (article_key, stance_id)
);
CREATE INDEX stances_issue ON stances(issue, holder_country, polarity);
CREATE TABLE rejections (
    rowid_ INTEGER PRIMARY KEY AUTOINCREMENT,
    input TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT,
    article_key TEXT,
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (input, stage, reason)
);
CREATE TABLE signatures (
    key TEXT PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
    signature BLOB NOT NULL
);
"""),
]
