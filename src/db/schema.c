/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db/schema: the schema of a clerk file, as a list of migration steps.
 *
 * Step N takes a file from user_version N-1 to N and runs in its own
 * transaction (db.c).  Steps are never edited once released: a change to the
 * schema is a new step appended to the list.  Every column is documented
 * where it is declared.
 *
 * Conventions:
 * - every row is keyed by a UUID (text, lower case), so that files captured
 *   on two laptops can be merged without collisions;
 * - times are UTC text "YYYY-MM-DDTHH:MM:SSZ"; a meeting carries the zone it
 *   is shown in; dates are "YYYY-MM-DD";
 * - recorded content (what a meeting decided and who was there) is audited by
 *   triggers into `audit`, and refused by triggers once the meeting's minutes
 *   are confirmed.  clerk_now() is an SQL function clerk registers on every
 *   connection so that the audit uses the program's clock.  From step 12
 *   the audit triggers are each writing connection's own (TEMP, made by
 *   db.c); the lock triggers stay in the file.
 */
#include "config.h"

#include "db_private.h"

static const char schema_v1[] =
	/* A council: its kind decides the legal wording of the minutes. */
	"CREATE TABLE council (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  name TEXT NOT NULL,              -- 'Hampshire County Council'\n"
	"  kind TEXT NOT NULL DEFAULT 'principal'\n"
	"       CHECK (kind IN ('principal','parish')) -- parish = parish/town\n"
	");\n"
	/* A committee, board, panel or cabinet of a council. */
	"CREATE TABLE body (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  council_id TEXT NOT NULL REFERENCES council(id),\n"
	"  name TEXT NOT NULL,              -- 'Health and Wellbeing Board'\n"
	"  short_name TEXT,                 -- 'HWB'\n"
	"  self_name TEXT NOT NULL DEFAULT 'the Committee', -- 'the Board'\n"
	"  quorum_kind TEXT NOT NULL DEFAULT 'fraction'\n"
	"       CHECK (quorum_kind IN ('fraction','fixed','composite')),\n"
	"  quorum_num INTEGER NOT NULL DEFAULT 1,   -- fraction numerator\n"
	"  quorum_den INTEGER NOT NULL DEFAULT 4,   -- fraction denominator\n"
	"  quorum_fixed INTEGER NOT NULL DEFAULT 0, -- fixed number, or the\n"
	"                                  -- floor of a composite rule\n"
	"  substitutes_allowed INTEGER NOT NULL DEFAULT 1,\n"
	"  minute_format TEXT NOT NULL DEFAULT '%n.', -- %n number, %y 2-digit\n"
	"                                  -- municipal year: '%n/%y', '(%n)'\n"
	"  minute_numbering TEXT NOT NULL DEFAULT 'meeting'\n"
	"       CHECK (minute_numbering IN ('meeting','year')),\n"
	"  year_start TEXT NOT NULL DEFAULT '05-01', -- municipal year starts\n"
	"  style TEXT NOT NULL DEFAULT 'county', -- house-style file in share/styles\n"
	"  tz TEXT NOT NULL DEFAULT 'Europe/London',\n"
	"  standard_items TEXT             -- opening/closing items, one per line\n"
	");\n"
	/* A person: a member, substitute, officer or observer. */
	"CREATE TABLE person (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  honorific TEXT NOT NULL DEFAULT '', -- 'Councillor', 'Dr'\n"
	"  name TEXT NOT NULL,              -- 'Liz Fairhurst'\n"
	"  organisation TEXT NOT NULL DEFAULT '', -- 'Hampshire County Council'\n"
	"  role TEXT NOT NULL DEFAULT '',   -- 'Executive Member for ...'\n"
	"  pronoun TEXT NOT NULL DEFAULT '' -- 'he', 'she', 'they' for minutes\n"
	");\n"
	"CREATE INDEX person_name ON person(name COLLATE NOCASE);\n"
	/* A place on a body, often held for an organisation or a role. */
	"CREATE TABLE seat (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  body_id TEXT NOT NULL REFERENCES body(id),\n"
	"  position INTEGER NOT NULL,       -- order in the membership table\n"
	"  label TEXT NOT NULL,             -- organisation or role of the seat\n"
	"  voting INTEGER NOT NULL DEFAULT 1,\n"
	"  vacancy_note TEXT NOT NULL DEFAULT '', -- 'Vacancy as of 1 Oct 2017'\n"
	"  substitute_tbc INTEGER NOT NULL DEFAULT 0 -- substitute still TBC\n"
	");\n"
	"CREATE INDEX seat_body ON seat(body_id, position);\n"
	/* Who held a seat, when, in which role. to_date NULL = still holds. */
	"CREATE TABLE membership (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  seat_id TEXT NOT NULL REFERENCES seat(id),\n"
	"  person_id TEXT NOT NULL REFERENCES person(id),\n"
	"  role TEXT NOT NULL DEFAULT 'member'\n"
	"       CHECK (role IN ('chairman','vice-chairman','member')),\n"
	"  capacity TEXT NOT NULL DEFAULT '', -- how shown on this body\n"
	"  from_date TEXT NOT NULL,\n"
	"  to_date TEXT\n"
	");\n"
	"CREATE INDEX membership_seat ON membership(seat_id, from_date);\n"
	"CREATE INDEX membership_person ON membership(person_id);\n"
	/* A nominated substitute of a seat, with dates. */
	"CREATE TABLE substitute (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  seat_id TEXT NOT NULL REFERENCES seat(id),\n"
	"  person_id TEXT NOT NULL REFERENCES person(id),\n"
	"  capacity TEXT NOT NULL DEFAULT '',\n"
	"  position INTEGER NOT NULL DEFAULT 1,\n"
	"  from_date TEXT NOT NULL,\n"
	"  to_date TEXT\n"
	");\n"
	"CREATE INDEX substitute_seat ON substitute(seat_id);\n"
	"CREATE INDEX substitute_person ON substitute(person_id);\n"
	/* A meeting of a body. */
	"CREATE TABLE meeting (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  body_id TEXT NOT NULL REFERENCES body(id),\n"
	"  starts_at TEXT NOT NULL,         -- planned start, UTC\n"
	"  venue TEXT NOT NULL DEFAULT '',\n"
	"  status TEXT NOT NULL DEFAULT 'scheduled'\n"
	"       CHECK (status IN ('scheduled','in progress','adjourned',\n"
	"                         'closed','cancelled')),\n"
	"  minutes_state TEXT NOT NULL DEFAULT 'draft'\n"
	"       CHECK (minutes_state IN ('draft','confirmed')),\n"
	"  confirmed_at TEXT REFERENCES meeting(id), -- meeting that confirmed\n"
	"  confirmed_on TEXT,               -- UTC time of confirmation\n"
	"  confirmed_amendment TEXT NOT NULL DEFAULT '',\n"
	"  signed_by TEXT REFERENCES person(id), -- the chairman who signed\n"
	"  first_minute INTEGER,            -- number of its first minute\n"
	"  public_present INTEGER           -- members of the public noted\n"
	");\n"
	"CREATE INDEX meeting_body ON meeting(body_id, starts_at);\n"
	"CREATE INDEX meeting_start ON meeting(starts_at);\n"
	/* An item of business on a meeting's agenda. */
	"CREATE TABLE agenda_item (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  position INTEGER NOT NULL,       -- agenda order\n"
	"  number TEXT NOT NULL DEFAULT '', -- as printed: '6'\n"
	"  title TEXT NOT NULL,\n"
	"  description TEXT NOT NULL DEFAULT '',\n"
	"  presenter TEXT NOT NULL DEFAULT '',\n"
	"  planned_start TEXT,              -- UTC, 'Approx. Timings'\n"
	"  planned_minutes INTEGER NOT NULL DEFAULT 0,\n"
	"  pages TEXT NOT NULL DEFAULT '',  -- '11 - 32'\n"
	"  exempt INTEGER NOT NULL DEFAULT 0,\n"
	"  exempt_paragraph TEXT NOT NULL DEFAULT '', -- Sch. 12A paragraph\n"
	"  kind TEXT NOT NULL DEFAULT 'ordinary'\n"
	"       CHECK (kind IN ('apologies','declarations','previous minutes',\n"
	"         'deputations','announcements','ordinary','election',\n"
	"         'any other business','date of next meeting','urgent')),\n"
	"  urgent_reason TEXT NOT NULL DEFAULT '' -- chair's reason, s.100B(4)(b)\n"
	");\n"
	"CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);\n"
	/* The log of what happened in the room, appended one event at a time. */
	"CREATE TABLE event (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  seq INTEGER NOT NULL,            -- order within the meeting\n"
	"  at TEXT NOT NULL,                -- UTC\n"
	"  kind TEXT NOT NULL,              -- see enum event_kind in model.h\n"
	"  item_id TEXT REFERENCES agenda_item(id),\n"
	"  person_id TEXT REFERENCES person(id),\n"
	"  detail TEXT NOT NULL DEFAULT '', -- reason, count, free text\n"
	"  UNIQUE (meeting_id, seq)\n"
	");\n"
	/* Who was expected and who came. */
	"CREATE TABLE attendance (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  person_id TEXT NOT NULL REFERENCES person(id),\n"
	"  seat_id TEXT REFERENCES seat(id), -- NULL for also-in-attendance\n"
	"  status TEXT NOT NULL\n"
	"       CHECK (status IN ('expected','present','apology','absent',\n"
	"                         'substitute','in attendance')),\n"
	"  substitute_for TEXT REFERENCES person(id), -- member stood in for\n"
	"  capacity TEXT NOT NULL DEFAULT '', -- 'standing observer'\n"
	"  note TEXT NOT NULL DEFAULT '',   -- reason for apology etc.\n"
	"  substitute_note TEXT NOT NULL DEFAULT '', -- what the substitute did\n"
	"  arrived_at TEXT,                 -- late arrival, UTC\n"
	"  arrived_item TEXT REFERENCES agenda_item(id),\n"
	"  left_at TEXT,                    -- early departure, UTC\n"
	"  left_item TEXT REFERENCES agenda_item(id),\n"
	"  UNIQUE (meeting_id, person_id)\n"
	");\n"
	"CREATE INDEX attendance_person ON attendance(person_id);\n"
	/* A declaration of interest on an item. */
	"CREATE TABLE declaration (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  item_id TEXT REFERENCES agenda_item(id),\n"
	"  person_id TEXT NOT NULL REFERENCES person(id),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('pecuniary','registrable',\n"
	"                                     'non-registrable')),\n"
	"  what TEXT NOT NULL DEFAULT '',\n"
	"  sensitive INTEGER NOT NULL DEFAULT 0,\n"
	"  dispensation INTEGER NOT NULL DEFAULT 0,\n"
	"  left_room INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE INDEX declaration_meeting ON declaration(meeting_id);\n"
	"CREATE INDEX declaration_person ON declaration(person_id);\n"
	/* The narrative of an item's minute: one row per paragraph or point. */
	"CREATE TABLE minute_text (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  item_id TEXT NOT NULL REFERENCES agenda_item(id),\n"
	"  section TEXT NOT NULL CHECK (section IN ('received','narrative',\n"
	"                               'heard','commented','exempt')),\n"
	"  position INTEGER NOT NULL,\n"
	"  body TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX minute_text_item ON minute_text(item_id, section, position);\n"
	/* A motion, amendment or resolution on an item. */
	"CREATE TABLE resolution (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  item_id TEXT NOT NULL REFERENCES agenda_item(id),\n"
	"  position INTEGER NOT NULL,\n"
	"  kind TEXT NOT NULL DEFAULT 'motion'\n"
	"       CHECK (kind IN ('motion','amendment','exclusion')),\n"
	"  amends TEXT REFERENCES resolution(id),\n"
	"  preamble TEXT NOT NULL DEFAULT '', -- 'The Health and Wellbeing Board:'\n"
	"  body TEXT NOT NULL,              -- the words resolved\n"
	"  mover TEXT REFERENCES person(id),\n"
	"  seconder TEXT REFERENCES person(id),\n"
	"  outcome TEXT NOT NULL DEFAULT 'carried'\n"
	"       CHECK (outcome IN ('pending','carried','lost','withdrawn')),\n"
	"  voted INTEGER NOT NULL DEFAULT 0, -- 0 = agreed without a count\n"
	"  votes_for INTEGER NOT NULL DEFAULT 0,\n"
	"  votes_against INTEGER NOT NULL DEFAULT 0,\n"
	"  votes_abstain INTEGER NOT NULL DEFAULT 0,\n"
	"  recorded INTEGER NOT NULL DEFAULT 0, -- named (recorded) vote\n"
	"  casting TEXT CHECK (casting IN ('for','against')) -- chair's casting vote\n"
	");\n"
	"CREATE INDEX resolution_item ON resolution(item_id, position);\n"
	/* A member's vote in a recorded vote. */
	"CREATE TABLE vote (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  resolution_id TEXT NOT NULL REFERENCES resolution(id),\n"
	"  person_id TEXT NOT NULL REFERENCES person(id),\n"
	"  vote TEXT NOT NULL CHECK (vote IN ('for','against','abstain')),\n"
	"  reason TEXT NOT NULL DEFAULT '', -- reason given for abstaining\n"
	"  UNIQUE (resolution_id, person_id)\n"
	");\n"
	/* Something a resolution asks someone to do. */
	"CREATE TABLE action (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  resolution_id TEXT REFERENCES resolution(id),\n"
	"  body TEXT NOT NULL,\n"
	"  owner TEXT NOT NULL DEFAULT '',\n"
	"  due TEXT,                        -- date\n"
	"  status TEXT NOT NULL DEFAULT 'open'\n"
	"       CHECK (status IN ('open','done','dropped'))\n"
	");\n"
	/* A correction to minutes already confirmed: a new, visible record. */
	"CREATE TABLE correction (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id), -- corrected\n"
	"  made_at TEXT REFERENCES meeting(id), -- meeting that made it\n"
	"  at TEXT NOT NULL,\n"
	"  body TEXT NOT NULL\n"
	");\n"
	/* Every change to recorded content: when, what, and the old value. */
	"CREATE TABLE audit (\n"
	"  seq INTEGER PRIMARY KEY,\n"
	"  at TEXT NOT NULL,\n"
	"  tbl TEXT NOT NULL,\n"
	"  row_id TEXT NOT NULL,\n"
	"  op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),\n"
	"  old TEXT,                        -- JSON of the row before\n"
	"  new TEXT                         -- JSON of the row after\n"
	");\n";

/* Step 2: full-text search over what meetings recorded.  search_doc holds
 * one row per searchable record (a minute paragraph, a resolution, an agenda
 * item's title and description, a declaration), kept in step with its
 * source table by triggers; search_fts is an external-content FTS5 index of
 * search_doc (its rowid is search_doc's INTEGER PRIMARY KEY, which VACUUM
 * never renumbers), kept in step by triggers on search_doc.  Existing rows
 * are indexed by the step itself. */
static const char schema_v2[] =
	"CREATE TABLE search_doc (\n"
	"  id INTEGER PRIMARY KEY,          -- rowid of the index entry\n"
	"  src TEXT NOT NULL CHECK (src IN ('minute','resolution','item',\n"
	"                                   'declaration')), -- source table\n"
	"  src_id TEXT NOT NULL UNIQUE,     -- id of the row in that table\n"
	"  meeting_id TEXT NOT NULL,        -- meeting of the row\n"
	"  item_id TEXT,                    -- agenda item of the row\n"
	"  title TEXT NOT NULL DEFAULT '',  -- item title; declarer's name\n"
	"  body TEXT NOT NULL DEFAULT ''    -- the text searched\n"
	");\n"
	"CREATE INDEX search_doc_meeting ON search_doc(meeting_id);\n"
	"CREATE VIRTUAL TABLE search_fts USING fts5(title, body,\n"
	"  content='search_doc', content_rowid='id',\n"
	"  tokenize='porter unicode61 remove_diacritics 2');\n"
	"CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN\n"
	"  INSERT INTO search_fts(rowid, title, body)\n"
	"  VALUES (NEW.id, NEW.title, NEW.body); END;\n"
	"CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN\n"
	"  INSERT INTO search_fts(search_fts, rowid, title, body)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.body); END;\n"
	"CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN\n"
	"  INSERT INTO search_fts(search_fts, rowid, title, body)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.body);\n"
	"  INSERT INTO search_fts(rowid, title, body)\n"
	"  VALUES (NEW.id, NEW.title, NEW.body); END;\n"
	/* minute_text */
	"CREATE TRIGGER search_minute_ai AFTER INSERT ON minute_text BEGIN\n"
	"  INSERT INTO search_doc(src, src_id, meeting_id, item_id, body)\n"
	"  VALUES ('minute', NEW.id, NEW.meeting_id, NEW.item_id, NEW.body); END;\n"
	"CREATE TRIGGER search_minute_au AFTER UPDATE OF meeting_id, item_id, body\n"
	"  ON minute_text BEGIN\n"
	"  UPDATE search_doc SET meeting_id = NEW.meeting_id,\n"
	"    item_id = NEW.item_id, body = NEW.body WHERE src_id = OLD.id; END;\n"
	"CREATE TRIGGER search_minute_ad AFTER DELETE ON minute_text BEGIN\n"
	"  DELETE FROM search_doc WHERE src_id = OLD.id; END;\n"
	/* resolution: the preamble and the words resolved */
	"CREATE TRIGGER search_resolution_ai AFTER INSERT ON resolution BEGIN\n"
	"  INSERT INTO search_doc(src, src_id, meeting_id, item_id, body)\n"
	"  VALUES ('resolution', NEW.id, NEW.meeting_id, NEW.item_id,\n"
	"          trim(NEW.preamble || ' ' || NEW.body)); END;\n"
	"CREATE TRIGGER search_resolution_au AFTER UPDATE OF meeting_id, item_id,\n"
	"  preamble, body ON resolution BEGIN\n"
	"  UPDATE search_doc SET meeting_id = NEW.meeting_id,\n"
	"    item_id = NEW.item_id, body = trim(NEW.preamble || ' ' || NEW.body)\n"
	"  WHERE src_id = OLD.id; END;\n"
	"CREATE TRIGGER search_resolution_ad AFTER DELETE ON resolution BEGIN\n"
	"  DELETE FROM search_doc WHERE src_id = OLD.id; END;\n"
	/* agenda_item: title and description */
	"CREATE TRIGGER search_item_ai AFTER INSERT ON agenda_item BEGIN\n"
	"  INSERT INTO search_doc(src, src_id, meeting_id, item_id, title, body)\n"
	"  VALUES ('item', NEW.id, NEW.meeting_id, NEW.id, NEW.title,\n"
	"          NEW.description); END;\n"
	"CREATE TRIGGER search_item_au AFTER UPDATE OF meeting_id, title,\n"
	"  description ON agenda_item BEGIN\n"
	"  UPDATE search_doc SET meeting_id = NEW.meeting_id, title = NEW.title,\n"
	"    body = NEW.description WHERE src_id = OLD.id; END;\n"
	"CREATE TRIGGER search_item_ad AFTER DELETE ON agenda_item BEGIN\n"
	"  DELETE FROM search_doc WHERE src_id = OLD.id; END;\n"
	/* declaration: what was declared, titled with who declared it */
	"CREATE TRIGGER search_declaration_ai AFTER INSERT ON declaration BEGIN\n"
	"  INSERT INTO search_doc(src, src_id, meeting_id, item_id, title, body)\n"
	"  VALUES ('declaration', NEW.id, NEW.meeting_id, NEW.item_id,\n"
	"    coalesce((SELECT trim(honorific || ' ' || name) FROM person\n"
	"              WHERE id = NEW.person_id), ''), NEW.what); END;\n"
	"CREATE TRIGGER search_declaration_au AFTER UPDATE OF meeting_id, item_id,\n"
	"  person_id, what ON declaration BEGIN\n"
	"  UPDATE search_doc SET meeting_id = NEW.meeting_id,\n"
	"    item_id = NEW.item_id, body = NEW.what,\n"
	"    title = coalesce((SELECT trim(honorific || ' ' || name) FROM person\n"
	"                      WHERE id = NEW.person_id), '')\n"
	"  WHERE src_id = OLD.id; END;\n"
	"CREATE TRIGGER search_declaration_ad AFTER DELETE ON declaration BEGIN\n"
	"  DELETE FROM search_doc WHERE src_id = OLD.id; END;\n"
	"CREATE TRIGGER search_person_au AFTER UPDATE OF honorific, name ON person\n"
	"  BEGIN\n"
	"  UPDATE search_doc SET title = trim(NEW.honorific || ' ' || NEW.name)\n"
	"  WHERE src = 'declaration' AND src_id IN\n"
	"    (SELECT id FROM declaration WHERE person_id = NEW.id); END;\n"
	/* What was recorded before this step. */
	"INSERT INTO search_doc(src, src_id, meeting_id, item_id, title, body)\n"
	"  SELECT 'item', id, meeting_id, id, title, description FROM agenda_item;\n"
	"INSERT INTO search_doc(src, src_id, meeting_id, item_id, body)\n"
	"  SELECT 'minute', id, meeting_id, item_id, body FROM minute_text;\n"
	"INSERT INTO search_doc(src, src_id, meeting_id, item_id, body)\n"
	"  SELECT 'resolution', id, meeting_id, item_id,\n"
	"         trim(preamble || ' ' || body) FROM resolution;\n"
	"INSERT INTO search_doc(src, src_id, meeting_id, item_id, title, body)\n"
	"  SELECT 'declaration', d.id, d.meeting_id, d.item_id,\n"
	"         coalesce(trim(p.honorific || ' ' || p.name), ''), d.what\n"
	"  FROM declaration d LEFT JOIN person p ON p.id = d.person_id;\n";

/* Step 3: indexes for look-ups whose cost must follow the size of the answer
 * rather than of the archive (the twenty-year benchmark, make bench).  Each
 * names the query that needed it; without them SQLite scanned whole tables
 * (EXPLAIN QUERY PLAN: "SCAN minute_text", ...). */
static const char schema_v3[] =
	/* One meeting's minute text, resolutions, votes, actions and
	 * corrections (the export and the console read them per meeting). */
	"CREATE INDEX minute_text_meeting ON minute_text(meeting_id);\n"
	"CREATE INDEX resolution_meeting ON resolution(meeting_id);\n"
	"CREATE INDEX vote_meeting ON vote(meeting_id);\n"
	"CREATE INDEX vote_person ON vote(person_id);\n"
	"CREATE INDEX action_meeting ON action(meeting_id);\n"
	"CREATE INDEX correction_meeting ON correction(meeting_id);\n"
	/* The meetings confirmed at a meeting (its minutes' opening words). */
	"CREATE INDEX meeting_confirmed_at ON meeting(confirmed_at);\n"
	/* A person's events (attendance history, who). */
	"CREATE INDEX event_person ON event(person_id);\n";

/* Step 4: seats have dates.  A seat exists from its from_date to its
 * to_date, both included (the last day it exists); NULL is open at that
 * end, so every seat made before this step exists at every date.  A seat
 * replaced by another ends the day before its successor begins. */
static const char schema_v4[] =
	"ALTER TABLE seat ADD COLUMN from_date TEXT; -- first day it exists\n"
	"ALTER TABLE seat ADD COLUMN to_date TEXT;   -- last day it exists\n";

/* Step 5: confirmation as the law has it, and who changed what.
 * - signed_minutes keeps confirmed minutes as they were signed: the
 *   minutes as clerk's format-neutral document (export/docform.c), public
 *   and confidential, from which every format is rendered, with the house
 *   style they were made in and a SHA-256 digest that `clerk check`
 *   verifies.  It is written once, at confirmation, and never changed;
 * - meeting.signed_as says in what capacity the signer presided;
 * - body.minutes_confirmed_by names another body whose meetings confirm
 *   this body's minutes, where standing orders say so;
 * - audit.who names whoever made each change. */
static const char schema_v5[] =
	"CREATE TABLE signed_minutes (\n"
	"  meeting_id TEXT PRIMARY KEY REFERENCES meeting(id),\n"
	"  signed_at TEXT NOT NULL,         -- UTC time of confirmation\n"
	"  style TEXT NOT NULL,             -- house style it was made in\n"
	"  public_doc TEXT NOT NULL,        -- the public minutes as signed\n"
	"  confidential_doc TEXT NOT NULL,  -- with the exempt minutes\n"
	"  digest TEXT NOT NULL             -- SHA-256 (hex) of the three above\n"
	");\n"
	"CREATE TRIGGER signed_minutes_keep_u BEFORE UPDATE ON signed_minutes\n"
	"  BEGIN SELECT RAISE(ABORT, 'minutes confirmed'); END;\n"
	"CREATE TRIGGER signed_minutes_keep_d BEFORE DELETE ON signed_minutes\n"
	"  BEGIN SELECT RAISE(ABORT, 'minutes confirmed'); END;\n"
	"ALTER TABLE meeting ADD COLUMN signed_as TEXT NOT NULL DEFAULT '';\n"
	"  -- 'chairman', 'vice-chairman', 'presiding': who presided and signed\n"
	"ALTER TABLE body ADD COLUMN minutes_confirmed_by TEXT\n"
	"  REFERENCES body(id); -- NULL: its own later meetings confirm them\n"
	"ALTER TABLE audit ADD COLUMN who TEXT NOT NULL DEFAULT '';\n"
	"  -- login name and display name: 'jsmith (Jane Smith)'\n";

/* Step 6: records imported from another system keep their ids there, so
 * that importing again updates them instead of adding copies, and a file
 * that names only the other system's id (a ModernGov GetMeeting names its
 * meeting, not its committee) finds the record imported before.  People get
 * the party and ward a council publishes; a body the council has wound up
 * (a ModernGov committee expired or deleted) is kept, marked ended. */
static const char schema_v6[] =
	"CREATE TABLE import_link (\n"
	"  council_id TEXT NOT NULL REFERENCES council(id),\n"
	"  source TEXT NOT NULL,            -- 'moderngov'\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('committee','meeting',\n"
	"                                     'councillor')),\n"
	"  ref TEXT NOT NULL,               -- the source's id: '4967'\n"
	"  record_id TEXT NOT NULL,         -- body, meeting or person id\n"
	"  PRIMARY KEY (council_id, source, kind, ref)\n"
	");\n"
	"CREATE INDEX import_link_record ON import_link(record_id);\n"
	"ALTER TABLE person ADD COLUMN party TEXT NOT NULL DEFAULT '';\n"
	"                                  -- 'Liberal Democrats'\n"
	"ALTER TABLE person ADD COLUMN ward TEXT NOT NULL DEFAULT '';\n"
	"                                  -- 'Fareham East': ward represented\n"
	"CREATE TABLE body_ended (\n"
	"  body_id TEXT PRIMARY KEY REFERENCES body(id),\n"
	"  reason TEXT NOT NULL DEFAULT ''  -- 'expired in ModernGov'\n"
	");\n";

/* Step 7: meetings that change, and who a person is.
 * - A meeting called off keeps status 'cancelled'; `postponed` says it is
 *   to be held another day, and `called_off_reason` why (both shown in
 *   lists and the calendar).  Neither kind is held: neither counts for
 *   attendance nor can be run.
 * - A body has one meeting at a start: two would have the same name (its
 *   date) and neither could be named.  A trigger rather than a unique index
 *   so that a file written before this step, which may hold such a pair,
 *   still opens (the pair can be told apart by id and one moved).
 * - A person's kind decides whether the six-month rule (Local Government
 *   Act 1972 s.85) applies to them: only to councillors.  Existing people
 *   are councillors when their honorific says so; others who held or stood
 *   in for a seat are co-opted members; the rest officers.
 * - An absence approved by the authority (s.85(1): "due to some reason
 *   approved by the authority") covers a councillor to its last day.
 * - Dates "from" and "to" are the first and last day everywhere.
 * - Prefix searches find the words as written (search_words). */
static const char schema_v7[] =
	"ALTER TABLE meeting ADD COLUMN postponed INTEGER NOT NULL DEFAULT 0;\n"
	"ALTER TABLE meeting ADD COLUMN called_off_reason TEXT NOT NULL\n"
	"  DEFAULT '';                      -- why cancelled or postponed\n"
	"CREATE TRIGGER meeting_one_start_i BEFORE INSERT ON meeting\n"
	"  WHEN EXISTS (SELECT 1 FROM meeting WHERE body_id = NEW.body_id\n"
	"               AND starts_at = NEW.starts_at) BEGIN\n"
	"  SELECT RAISE(ABORT, 'a meeting of that body already starts then');\n"
	"  END;\n"
	"CREATE TRIGGER meeting_one_start_u BEFORE UPDATE OF body_id, starts_at\n"
	"  ON meeting WHEN EXISTS (SELECT 1 FROM meeting WHERE\n"
	"    body_id = NEW.body_id AND starts_at = NEW.starts_at\n"
	"    AND id <> NEW.id) BEGIN\n"
	"  SELECT RAISE(ABORT, 'a meeting of that body already starts then');\n"
	"  END;\n"
	"ALTER TABLE person ADD COLUMN kind TEXT NOT NULL DEFAULT 'councillor'\n"
	"  CHECK (kind IN ('councillor','co-opted member','officer',\n"
	"                  'partner representative'));\n"
	"UPDATE person SET kind = CASE\n"
	"  WHEN honorific LIKE 'councillor%' OR honorific LIKE 'cllr%'\n"
	"    THEN 'councillor'\n"
	"  WHEN id IN (SELECT person_id FROM membership UNION\n"
	"              SELECT person_id FROM substitute) THEN 'co-opted member'\n"
	"  ELSE 'officer' END;\n"
	"CREATE TABLE absence_approval (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  person_id TEXT NOT NULL REFERENCES person(id),\n"
	"  approved_at TEXT NOT NULL REFERENCES meeting(id), -- the meeting\n"
	"  until TEXT NOT NULL,             -- date: last day covered\n"
	"  reason TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX absence_approval_person ON absence_approval(person_id);\n"
	/* The to date of a term is its last day.  Terms written when it was
	 * read as the day after (imports ended a term on its successor's
	 * first day) end the day before their successor begins. */
	"UPDATE membership SET to_date = max(from_date, date(to_date, '-1 day'))\n"
	"  WHERE EXISTS (SELECT 1 FROM membership n WHERE n.seat_id =\n"
	"    membership.seat_id AND n.id <> membership.id\n"
	"    AND n.from_date = membership.to_date);\n"
	"UPDATE substitute SET to_date = max(from_date, date(to_date, '-1 day'))\n"
	"  WHERE EXISTS (SELECT 1 FROM substitute n WHERE n.seat_id =\n"
	"    substitute.seat_id AND n.id <> substitute.id\n"
	"    AND n.from_date = substitute.to_date);\n"
	/* The words as written, for prefix queries: search_fts holds stems
	 * ("sustainability" is "sustain"), so "sustainab*" matched nothing.
	 * search_words indexes the same rows unstemmed (detail=none: only
	 * which words occur), and its vocabulary gives the words a prefix
	 * stands for, which are then searched in search_fts. */
	"CREATE VIRTUAL TABLE search_words USING fts5(title, body,\n"
	"  content='search_doc', content_rowid='id',\n"
	"  tokenize='unicode61 remove_diacritics 2', detail=none);\n"
	"CREATE VIRTUAL TABLE search_words_vocab USING\n"
	"  fts5vocab(search_words, row);\n"
	"CREATE TRIGGER search_words_ai AFTER INSERT ON search_doc BEGIN\n"
	"  INSERT INTO search_words(rowid, title, body)\n"
	"  VALUES (NEW.id, NEW.title, NEW.body); END;\n"
	"CREATE TRIGGER search_words_ad AFTER DELETE ON search_doc BEGIN\n"
	"  INSERT INTO search_words(search_words, rowid, title, body)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.body); END;\n"
	"CREATE TRIGGER search_words_au AFTER UPDATE ON search_doc BEGIN\n"
	"  INSERT INTO search_words(search_words, rowid, title, body)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.body);\n"
	"  INSERT INTO search_words(rowid, title, body)\n"
	"  VALUES (NEW.id, NEW.title, NEW.body); END;\n"
	"INSERT INTO search_words(search_words) VALUES ('rebuild');\n";

/* Step 8: councils of every kind, and the settings a clerk gives a body.
 * The kind of a council (principal, parish or town, Welsh community,
 * Scottish) and the nation whose statutes apply decide the legal wording of
 * its minutes; the details a notice of meeting prints are the council's
 * own (empty: left out of its papers, never another council's).  A body
 * numbers its minutes per meeting, per municipal year or running for ever,
 * and may start its sequence where the council's paper minutes left off.
 * SQLite cannot change a CHECK in place, so both tables are rebuilt: this
 * step runs with foreign keys off (db.c) and checks them before it commits.
 * Neither table carries triggers (the audit, lock and search triggers are
 * on other tables, and are re-created after every step). */
static const char schema_v8[] =
	"CREATE TABLE council_v8 (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  name TEXT NOT NULL,              -- 'Wereham Parish Council'\n"
	"  kind TEXT NOT NULL DEFAULT 'principal'\n"
	"       CHECK (kind IN ('principal','parish','community','scottish')),\n"
	"                                  -- parish = parish or town council;\n"
	"                                  -- community = Welsh community council\n"
	"  nation TEXT NOT NULL DEFAULT 'england'\n"
	"       CHECK (nation IN ('england','wales','scotland')),\n"
	"  year_start TEXT NOT NULL DEFAULT '05-01', -- municipal year starts\n"
	"  officer TEXT NOT NULL DEFAULT '',  -- proper officer: 'Jane Davies'\n"
	"  officer_title TEXT NOT NULL DEFAULT '', -- 'Clerk to the Council'\n"
	"  address TEXT NOT NULL DEFAULT '',  -- the council's address\n"
	"  enquiries TEXT NOT NULL DEFAULT '', -- enquiries contact\n"
	"  filming TEXT NOT NULL DEFAULT '',  -- filming notice of its papers\n"
	"  conduct TEXT NOT NULL DEFAULT ''   -- code of conduct it cites\n"
	");\n"
	"INSERT INTO council_v8(id, name, kind) SELECT id, name, kind FROM council;\n"
	"DROP TABLE council;\n"
	"ALTER TABLE council_v8 RENAME TO council;\n"
	"CREATE TABLE body_v8 (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  council_id TEXT NOT NULL REFERENCES council(id),\n"
	"  name TEXT NOT NULL,              -- 'Health and Wellbeing Board'\n"
	"  short_name TEXT,                 -- 'HWB'\n"
	"  self_name TEXT NOT NULL DEFAULT 'the Committee', -- 'the Board'\n"
	"  quorum_kind TEXT NOT NULL DEFAULT 'fraction'\n"
	"       CHECK (quorum_kind IN ('fraction','fixed','composite')),\n"
	"  quorum_num INTEGER NOT NULL DEFAULT 1,   -- fraction numerator\n"
	"  quorum_den INTEGER NOT NULL DEFAULT 4,   -- fraction denominator\n"
	"  quorum_fixed INTEGER NOT NULL DEFAULT 0, -- fixed number, or the\n"
	"                                  -- floor of a composite rule\n"
	"  substitutes_allowed INTEGER NOT NULL DEFAULT 1,\n"
	"  minute_format TEXT NOT NULL DEFAULT '%n.', -- %n number, %y 2-digit\n"
	"                                  -- municipal year: '%n/%y', '(%n)'\n"
	"  minute_numbering TEXT NOT NULL DEFAULT 'meeting'\n"
	"       CHECK (minute_numbering IN ('meeting','year','running')),\n"
	"  year_start TEXT NOT NULL DEFAULT '05-01', -- municipal year starts\n"
	"  style TEXT NOT NULL DEFAULT 'county', -- house style, by name\n"
	"  tz TEXT NOT NULL DEFAULT 'Europe/London',\n"
	"  standard_items TEXT,            -- opening/closing items, one per line\n"
	"  next_minute INTEGER,            -- number of the first minute of the\n"
	"                                  -- first meeting from next_minute_from\n"
	"  next_minute_from TEXT,          -- UTC: where that sequence starts\n"
	"  minutes_confirmed_by TEXT REFERENCES body(id) -- (step 5)\n"
	");\n"
	"INSERT INTO body_v8(id, council_id, name, short_name, self_name,\n"
	"  quorum_kind, quorum_num, quorum_den, quorum_fixed, substitutes_allowed,\n"
	"  minute_format, minute_numbering, year_start, style, tz, standard_items,\n"
	"  minutes_confirmed_by)\n"
	"  SELECT id, council_id, name, short_name, self_name, quorum_kind,\n"
	"  quorum_num, quorum_den, quorum_fixed, substitutes_allowed,\n"
	"  minute_format, minute_numbering, year_start, style, tz, standard_items,\n"
	"  minutes_confirmed_by FROM body;\n"
	"UPDATE council SET year_start = coalesce((SELECT min(year_start) FROM\n"
	"  body WHERE council_id = council.id), '05-01');\n"
	"DROP TABLE body;\n"
	"ALTER TABLE body_v8 RENAME TO body;\n";

/* Step 9: planning applications as items with their own fields.  An
 * agenda item that is a planning application has one row here: what the
 * committee's minutes print about it (reference, site, applicant, the
 * development proposed, the ward, the officer's recommendation), who
 * addressed the committee, the decision and its conditions or reasons for
 * refusal.  The vote is the item's resolution's.  Deleting the item
 * deletes its application; confirmed minutes lock it (db.c). */
static const char schema_v9[] =
	"CREATE TABLE application (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meeting(id),\n"
	"  item_id TEXT NOT NULL UNIQUE\n"
	"       REFERENCES agenda_item(id) ON DELETE CASCADE,\n"
	"  reference TEXT NOT NULL DEFAULT '', -- 'APP/19/01181'\n"
	"  site TEXT NOT NULL DEFAULT '',      -- 'Townfield Primary School, ...'\n"
	"  applicant TEXT NOT NULL DEFAULT '', -- who applied\n"
	"  proposal TEXT NOT NULL DEFAULT '',  -- the development proposed\n"
	"  ward TEXT NOT NULL DEFAULT '',      -- the ward the site is in\n"
	"  recommendation TEXT NOT NULL DEFAULT '', -- the officer's\n"
	"  decision TEXT NOT NULL DEFAULT ''\n"
	"       CHECK (decision IN ('','approved','refused','deferred',\n"
	"                           'delegated','withdrawn')),\n"
	"  conditions TEXT NOT NULL DEFAULT '', -- conditions, or reasons for\n"
	"                                  -- refusal: one a line, in order\n"
	"  speakers TEXT NOT NULL DEFAULT ''  -- who addressed the committee,\n"
	"                                  -- one a line: 'objector' or\n"
	"                                  -- 'objector: Mrs A Smith'\n"
	");\n"
	"CREATE INDEX application_meeting ON application(meeting_id);\n";

/* Step 10: two consoles, one meeting; text saved by a hang-up.
 * The console driving a meeting keeps a lease in the file and renews it
 * while it runs, so that another console opening the same meeting can say
 * who drives it and since when, and open read-only unless the clerk takes
 * over (the driver then sees at once that it was taken over).  Times are
 * real time (the lease is of processes, not of the meeting, whose clock
 * may be that of another day).  A paragraph saved because the terminal
 * hung up while it was being typed is marked unfinished until the clerk
 * accepts it. */
static const char schema_v10[] =
	"CREATE TABLE console_lease (\n"
	"  meeting_id TEXT PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,\n"
	"  token TEXT NOT NULL,             -- the driving console's own id\n"
	"  holder TEXT NOT NULL DEFAULT '', -- who: the user's login name\n"
	"  host TEXT NOT NULL DEFAULT '',   -- on which machine\n"
	"  pid INTEGER NOT NULL DEFAULT 0,  -- the console's process there\n"
	"  since TEXT NOT NULL,             -- UTC, real time: took the meeting\n"
	"  renewed TEXT NOT NULL            -- UTC, real time: last renewed\n"
	");\n"
	"ALTER TABLE minute_text ADD COLUMN unfinished INTEGER NOT NULL\n"
	"  DEFAULT 0; -- 1: saved by a hang-up, not yet accepted by the clerk\n";

/* Step 11: look-ups through indexes whose cost followed the archive.  The
 * rows of those who stood in for a member are found by whom they stood in
 * for, so that `clerk attendance --person` and the look-up console's person
 * page read that person's rows, not every row of every body they sat on
 * (the index holds only substitutes' rows); and the meetings open or
 * coming are found by their status, so that the console opened with no
 * meeting named reads those, not every meeting's status. */
static const char schema_v11[] =
	"CREATE INDEX attendance_substitute ON attendance(substitute_for)\n"
	"  WHERE substitute_for IS NOT NULL;\n"
	"CREATE INDEX meeting_status ON meeting(status, starts_at);\n";

/* Step 12: the triggers that follow clerk's own writes are the writing
 * connection's, not the file's.  SQLite parses every trigger in the file
 * whenever a connection reads its schema: the 33 audit triggers (each a
 * json_object of every column of OLD and NEW) and the 13 that copy
 * minutes, resolutions, items and declarations into search_doc were 60%
 * of the start-up of every command, look-ups included, which write
 * nothing.  A connection clerk opens for writing now creates them as TEMP
 * triggers (db.c, the same text) before its first write to each table, so
 * every change clerk makes is audited and indexed as before.  A writer
 * other than clerk (the sqlite3 shell) is no longer refused for want of
 * clerk's SQL functions: its changes to draft minutes are neither audited
 * nor searchable.  What protects the record stays in the file as plain
 * SQL: the lock triggers refuse any change to confirmed minutes from any
 * writer, signed_minutes keeps the minutes as signed (their digest checked
 * by `clerk check`), one meeting per start, and search_doc's own triggers
 * keep the full-text indexes in step with it.  The audit triggers are
 * dropped by install_triggers (db.c) from this step on. */
static const char schema_v12[] =
	"DROP TRIGGER search_minute_ai;\n"
	"DROP TRIGGER search_minute_au;\n"
	"DROP TRIGGER search_minute_ad;\n"
	"DROP TRIGGER search_resolution_ai;\n"
	"DROP TRIGGER search_resolution_au;\n"
	"DROP TRIGGER search_resolution_ad;\n"
	"DROP TRIGGER search_item_ai;\n"
	"DROP TRIGGER search_item_au;\n"
	"DROP TRIGGER search_item_ad;\n"
	"DROP TRIGGER search_declaration_ai;\n"
	"DROP TRIGGER search_declaration_au;\n"
	"DROP TRIGGER search_declaration_ad;\n"
	"DROP TRIGGER search_person_au;\n";

/* Step 13: the search index's segments merged when the console is idle,
 * not inside a commit.  FTS5 writes a segment of its index at every commit
 * and, by default (automerge=4), merges segments inside the commit that
 * crosses its work unit: in a live meeting one minute point in 12 waited
 * 1 to 4 million instructions more than the others, one in 2,000 a merge of
 * 72 million.  With automerge off, the live console merges them in its idle
 * moments (db_idle); any writer still merges a level that reaches sixteen
 * segments (FTS5's crisismerge, unchanged).  Settings of FTS5 are rows of
 * its own config tables: the schema itself does not change. */
static const char schema_v13[] =
	"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 0);\n"
	"INSERT INTO search_words(search_words, rank) VALUES ('automerge', 0);\n";

/* Step 14: what the live console captures is indexed for search in its
 * idle moments, not inside the keystroke's commit.  Copying a minute point
 * into search_doc and its two full-text indexes was half the pages each
 * point wrote (12 of 23: search_doc and its two indexes, a new segment,
 * its structure and averages, its docsize and idx rows, in each index).
 * The console's connection (db_interactive_writer) notes each paragraph
 * and resolution it inserts here instead (one page), in the same commit as
 * the record and its audit; its idle tick, its close, the next console,
 * and any search before it reads the index (db_search_catch_up, from any
 * process) copy the rows noted into search_doc, in the order captured,
 * and empty this table in one transaction.  A row edited before it was
 * copied is copied as it then reads; one deleted is not copied.  Other
 * writers index as before, in their commit. */
static const char schema_v14[] =
	"CREATE TABLE search_pending (\n"
	"  id INTEGER PRIMARY KEY,          -- the order captured\n"
	"  src TEXT NOT NULL CHECK (src IN ('minute','resolution')),\n"
	"                                  -- source table, as in search_doc\n"
	"  src_id TEXT NOT NULL             -- id of the row in that table\n"
	");\n";

/* Step 15: the log's index of people holds only the events that name one.
 * Most events of a live meeting name nobody (a minute point, an item
 * started, a note), and each wrote a page of event_person (step 3) in its
 * commit: one of the twelve pages a minute point wrote.  Every use of the
 * index names a person (person_id = ?, which implies NOT NULL, as does
 * the check of a person's deletion), so the partial index serves them
 * all. */
static const char schema_v15[] =
	"DROP INDEX event_person;\n"
	"CREATE INDEX event_person ON event(person_id)\n"
	"  WHERE person_id IS NOT NULL;\n";

/* A document changed is indexed again (from step 16, with its scope). */
#define SEARCH_DOC_AU                                                       \
	"CREATE TRIGGER search_doc_au AFTER UPDATE OF id, title, body, scope\n" \
	"  ON search_doc BEGIN\n"                                               \
	"  INSERT INTO search_fts(search_fts, rowid, title, body, scope)\n"      \
	"  VALUES ('delete', OLD.id, OLD.title, OLD.body, OLD.scope);\n"        \
	"  INSERT INTO search_fts(rowid, title, body, scope)\n"                 \
	"  VALUES (NEW.id, NEW.title, NEW.body, NEW.scope); END;\n"

/* Step 16: the search index knows each document's body, so that a search
 * of one body reads that body's matches, not every match between its
 * first and last documents.  In a council whose committees meet side by
 * side, one body's documents lie among every other body's: `clerk search
 * budget --body B01` ranked its matches out of those of the whole span,
 * and its cost followed the archive, not the body.
 *
 * search_doc.scope holds '0b' and the hex of the body's id (as SQL's
 * hex() writes it: a single token, whatever the id holds); search_fts
 * indexes it as a third column, scope.  A search of a body asks for its
 * token in that column AND the words (search_query_make in
 * model/lookup_search.c), and FTS5 skips from one of the body's documents
 * to the next through its doclists' indexes.  Text cannot reach the
 * token: the words a user types are searched in title and body alone
 * whenever they could name it, and the token is asked for in scope alone.
 * clerk ranks with its own bm25 over title and body (model/search_rank.c),
 * so that the column changes neither the order of the matches, their
 * scores, nor a snippet.  Whoever writes search_doc writes the scope
 * (db.c: the triggers that copy records, the catch-up of the live
 * console's captures, and a meeting moved to another body).
 *
 * FTS5 cannot add a column: the index is made again from search_doc, with
 * the setting of step 13 (on the 1.8 GB twenty-year archive 28 seconds,
 * 8 of them CPU, and 110 MB more file; 5 seconds on the five-year one).
 * search_words indexes title and body alone: a change of scope leaves it
 * as it is. */
static const char schema_v16[] =
	"DROP TRIGGER search_doc_ai;\n"
	"DROP TRIGGER search_doc_ad;\n"
	"DROP TRIGGER search_doc_au;\n"
	"DROP TRIGGER search_words_au;\n"
	"DROP TABLE search_fts;\n"
	"ALTER TABLE search_doc ADD COLUMN scope TEXT NOT NULL DEFAULT '';\n"
	"                                  -- '0b' || hex(body id): its body\n"
	"UPDATE search_doc SET scope = coalesce((SELECT '0b' || hex(m.body_id)\n"
	"  FROM meeting m WHERE m.id = search_doc.meeting_id), '');\n"
	"CREATE VIRTUAL TABLE search_fts USING fts5(title, body, scope,\n"
	"  content='search_doc', content_rowid='id',\n"
	"  tokenize='porter unicode61 remove_diacritics 2');\n"
	"CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN\n"
	"  INSERT INTO search_fts(rowid, title, body, scope)\n"
	"  VALUES (NEW.id, NEW.title, NEW.body, NEW.scope); END;\n"
	"CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN\n"
	"  INSERT INTO search_fts(search_fts, rowid, title, body, scope)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.body, OLD.scope); END;\n"
	SEARCH_DOC_AU
	"CREATE TRIGGER search_words_au AFTER UPDATE OF id, title, body\n"
	"  ON search_doc BEGIN\n"
	"  INSERT INTO search_words(search_words, rowid, title, body)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.body);\n"
	"  INSERT INTO search_words(rowid, title, body)\n"
	"  VALUES (NEW.id, NEW.title, NEW.body); END;\n"
	"INSERT INTO search_fts(search_fts) VALUES ('rebuild');\n"
	"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 0);\n";

/* Step 17: the search index knows each document's month, so that a search
 * lists the newest matches first by reading the newest months' matches
 * only.  `clerk search budget` ordered by date had to find and date every
 * match of the archive to know which 50 were newest: its cost followed the
 * archive's age, not the answer.
 *
 * search_doc.scope holds, after the body's token of step 16, '0m' and the
 * year and month of the meeting's start in UTC (0m202511): the months
 * partition the documents in the order of their meetings' starts, so that
 * every match of one month is newer than every match of the month before.
 * A search asks FTS5 for a month's token AND the words, from the newest
 * month back, until it has its page (search_newest.c).  Like the body's,
 * the token starts with 0 and is asked for in scope alone: the words a user
 * types never reach it.  A meeting moved to another date moves its
 * documents' month with it (db.c). */
static const char schema_v17[] =
	"DROP TRIGGER search_doc_au;\n"
	"UPDATE search_doc SET scope = coalesce((SELECT '0b' || hex(m.body_id)\n"
	"  || ' 0m' || substr(m.starts_at, 1, 4) || substr(m.starts_at, 6, 2)\n"
	"  FROM meeting m WHERE m.id = search_doc.meeting_id), '');\n"
	SEARCH_DOC_AU
	"INSERT INTO search_fts(search_fts) VALUES ('rebuild');\n";

/* Step 18: the words of the search index as written, in a table of their
 * own, for prefix search.  A prefix (safeguard*) stands for the words
 * that start with it, which were read from search_words' vocabulary; but
 * fts5vocab counts the documents holding each word as it lists it, so the
 * list cost what the word's documents do ("safeguarding": 83,000 of them
 * on the twenty-year archive, 25 million instructions) and grew with the
 * archive's age.  search_wordlist holds each word once: a prefix is a
 * range of its key, whatever the archive's size.
 *
 * The list is kept as the index is: search_words' own triggers note each
 * document written in search_wordlist_todo (plain SQL, so that every
 * connection notes it, clerk's or not), and a writing connection adds the
 * noted documents' words to the list, when idle or as it closes
 * (wordlist.c).  A search finding a document noted and not yet listed
 * reads the vocabulary as before.  A word whose documents are all deleted
 * stays listed: it matches nothing. */
static const char schema_v18[] =
	"CREATE TABLE search_wordlist (word TEXT PRIMARY KEY) WITHOUT ROWID;\n"
	"CREATE TABLE search_wordlist_todo (doc INTEGER PRIMARY KEY);\n"
	"DROP TRIGGER search_words_ai;\n"
	"DROP TRIGGER search_words_au;\n"
	"CREATE TRIGGER search_words_ai AFTER INSERT ON search_doc BEGIN\n"
	"  INSERT INTO search_words(rowid, title, body)\n"
	"  VALUES (NEW.id, NEW.title, NEW.body);\n"
	"  INSERT OR IGNORE INTO search_wordlist_todo(doc) VALUES (NEW.id); END;\n"
	"CREATE TRIGGER search_words_au AFTER UPDATE OF id, title, body\n"
	"  ON search_doc BEGIN\n"
	"  INSERT INTO search_words(search_words, rowid, title, body)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.body);\n"
	"  INSERT INTO search_words(rowid, title, body)\n"
	"  VALUES (NEW.id, NEW.title, NEW.body);\n"
	"  INSERT OR IGNORE INTO search_wordlist_todo(doc) VALUES (NEW.id); END;\n"
	"INSERT INTO search_wordlist(word) SELECT term FROM search_words_vocab;\n";

const struct db_migration db_migrations[] = {
	{1, "the first schema", schema_v1},
	{2, "full-text search of minutes, resolutions, agenda and declarations",
	 schema_v2},
	{3, "indexes for look-ups in a large archive", schema_v3},
	{4, "dates of seats (when a seat was created and ended)", schema_v4},
	{5, "signed minutes kept as signed, who presided, who changed what",
	 schema_v5},
	{6, "links to imported records, party and ward, ended bodies",
	 schema_v6},
	{7, "cancelled and postponed meetings, one meeting per start, "
	    "people's kinds, approved absences, prefix search of words",
	 schema_v7},
	{8, "councils of every kind; body settings for numbering and style",
	 schema_v8},
	{9, "planning applications: their own fields, speakers and decision",
	 schema_v9},
	{10, "the console's lease on a meeting; text saved by a hang-up",
	 schema_v10},
	{11, "indexes for one person's attendance and the open meetings",
	 schema_v11},
	{12, "audit and search triggers made by each writing connection",
	 schema_v12},
	{13, "the search index merged when the console is idle", schema_v13},
	{14, "the live console's captures indexed for search when idle",
	 schema_v14},
	{15, "the log's index of people only for events naming one",
	 schema_v15},
	{16, "the body of each document in the search index",
	 schema_v16},
	{17, "the month of each document in the search index, newest first",
	 schema_v17},
	{18, "the words of the search index listed once, for prefix search",
	 schema_v18},
	{0, NULL, NULL},
};

const int db_rebuild_steps[] = {8, 0};
