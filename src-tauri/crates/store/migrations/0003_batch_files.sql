-- What an exported list needs besides 0001's batch row: the file's full
-- path (to open it or its folder again), the date printed in its date line
-- (NULL when printed as blank dots), the Excel copy of the certificates
-- list, and the rows of the lists that are not made of requests.
ALTER TABLE batch ADD COLUMN path TEXT NOT NULL DEFAULT '';
ALTER TABLE batch ADD COLUMN date_on TEXT;
ALTER TABLE batch ADD COLUMN xlsx_path TEXT;
ALTER TABLE batch ADD COLUMN xlsx_sha256 TEXT;
CREATE INDEX batch_kind_live ON batch (kind, status, superseded_by);

-- Rows of a certificates-in-use list (certificate_id) or of an e-mail
-- request (staff_id), at their position in the document. Requests' lists
-- use batch_request. A row whose person or certificate was deleted since
-- keeps its position with NULL.
CREATE TABLE batch_row (
    batch_id        INTEGER NOT NULL REFERENCES batch (id),
    position        INTEGER NOT NULL,
    staff_id        INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    certificate_id  INTEGER REFERENCES certificate (id) ON DELETE SET NULL,
    PRIMARY KEY (batch_id, position)
);
