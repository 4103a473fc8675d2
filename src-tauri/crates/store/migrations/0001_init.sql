-- The unit (school): exactly one row, created empty.
CREATE TABLE unit (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    name           TEXT NOT NULL DEFAULT '',
    managing_body  TEXT NOT NULL DEFAULT '',
    commune        TEXT NOT NULL DEFAULT '',
    place          TEXT NOT NULL DEFAULT '',
    signer_name    TEXT NOT NULL DEFAULT '',
    signer_role    TEXT NOT NULL DEFAULT 'principal' CHECK (signer_role IN ('principal', 'deputy')),
    focal_name     TEXT NOT NULL DEFAULT '',
    focal_phone    TEXT NOT NULL DEFAULT '',
    focal_email    TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO unit (id) VALUES (1);

-- Small settings as JSON values (import mappings, expiry thresholds, SMTP host…; never a password).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE staff (
    id              INTEGER PRIMARY KEY,
    full_name       TEXT NOT NULL CHECK (length(full_name) > 0),
    birth_date      TEXT,
    birth_year      INTEGER,
    gender          TEXT CHECK (gender IN ('male', 'female')),
    position        TEXT,
    team            TEXT,
    staff_code      TEXT,
    cccd            TEXT,
    cccd_issued_on  TEXT,
    phone           TEXT,
    email           TEXT,
    notes           TEXT,
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
    left_reason     TEXT CHECK (left_reason IN ('transfer', 'retired', 'other')),
    left_on         TEXT,
    left_note       TEXT,
    -- Warnings accepted at save time (JSON list of problems): the person needs follow-up.
    warnings        TEXT NOT NULL DEFAULT '[]',
    -- Folded name, CCCD, phone, e-mail, position, team, code: what search matches.
    search_text     TEXT NOT NULL,
    -- ICU sort keys of the given name and of the rest (Vietnamese list order).
    sort_given      BLOB NOT NULL,
    sort_rest       BLOB NOT NULL,
    -- Set when personal data was erased on request (Decree 13); the name and history stay.
    erased_at       TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((status = 'left') = (left_reason IS NOT NULL AND left_on IS NOT NULL))
);
CREATE UNIQUE INDEX staff_cccd_active ON staff (cccd) WHERE status = 'active' AND cccd IS NOT NULL;
CREATE UNIQUE INDEX staff_code_active ON staff (staff_code) WHERE status = 'active' AND staff_code IS NOT NULL;
CREATE INDEX staff_order ON staff (sort_given, sort_rest, id);

CREATE TABLE provider (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    short_name       TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('specialised', 'public')),
    -- JSON list of issuer-name fragments that recognise this provider.
    issuer_fragments TEXT NOT NULL DEFAULT '[]',
    builtin          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE certificate (
    id            INTEGER PRIMARY KEY,
    -- NULL: the unit's own (organisation) certificate.
    staff_id      INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
    provider_id   INTEGER REFERENCES provider (id) ON DELETE RESTRICT,
    kind          TEXT NOT NULL CHECK (kind IN ('specialised', 'public')),
    form          TEXT CHECK (form IN ('token', 'sim', 'remote')),
    serial_hex    TEXT NOT NULL,
    subject_name  TEXT NOT NULL DEFAULT '',
    issuer_name   TEXT NOT NULL DEFAULT '',
    identity      TEXT,
    email         TEXT,
    valid_from    TEXT,
    valid_to      TEXT NOT NULL,
    purpose       TEXT,
    revoked_on    TEXT,
    notes         TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (serial_hex, issuer_name)
);
CREATE INDEX certificate_staff ON certificate (staff_id);
CREATE INDEX certificate_valid_to ON certificate (valid_to);

-- An exported list (Word file). A corrected export supersedes the earlier one.
CREATE TABLE batch (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('issuance', 'revocation', 'renewal', 'change', 'certificates', 'email_summary')),
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    row_count      INTEGER NOT NULL,
    date_mode      TEXT NOT NULL CHECK (date_mode IN ('today', 'blank')),
    status         TEXT NOT NULL DEFAULT 'exported' CHECK (status IN ('exported', 'sent')),
    superseded_by  INTEGER REFERENCES batch (id),
    created_at     TEXT NOT NULL,
    sent_at        TEXT
);

CREATE TABLE request (
    id              INTEGER PRIMARY KEY,
    staff_id        INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
    certificate_id  INTEGER REFERENCES certificate (id) ON DELETE RESTRICT,
    kind            TEXT NOT NULL CHECK (kind IN ('issuance', 'renewal', 'change', 'revocation')),
    reason          TEXT CHECK (reason IN ('transfer', 'retired', 'other')),
    detail          TEXT,
    status          TEXT NOT NULL DEFAULT 'marked' CHECK (status IN ('marked', 'exported', 'sent', 'done', 'rejected')),
    batch_id        INTEGER REFERENCES batch (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((kind = 'revocation') = (reason IS NOT NULL))
);
CREATE INDEX request_staff ON request (staff_id);
CREATE INDEX request_status ON request (status);

-- Every state change of a request, with its date.
CREATE TABLE request_event (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    at           TEXT NOT NULL,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    note         TEXT
);

CREATE TABLE batch_request (
    batch_id    INTEGER NOT NULL REFERENCES batch (id),
    request_id  INTEGER NOT NULL REFERENCES request (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (batch_id, request_id)
);

-- E-mail waiting to go out, or gone. 'sending' left behind by a crash means "may have been sent".
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    batch_id         INTEGER REFERENCES batch (id),
    state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled', 'uncertain')),
    recipients       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_error       TEXT,
    message_id       TEXT,
    sent_at          TEXT,
    created_at       TEXT NOT NULL
);

CREATE TABLE outbox_attachment (
    id          INTEGER PRIMARY KEY,
    outbox_id   INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    mime        TEXT NOT NULL,
    content     BLOB NOT NULL,
    sha256      TEXT NOT NULL
);

-- Who did what, never with the values of CCCD, birth date or phone: only field names.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    os_user    TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    action     TEXT NOT NULL,
    fields     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
