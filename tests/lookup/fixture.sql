-- tests/lookup/fixture.sql: a small, hand-made clerk file for the search
-- tests, where what should rank first is known: two bodies, three meetings,
-- agenda items, minute text, resolutions, a declaration and an exempt item.
INSERT INTO council(id, name) VALUES ('c1', 'Testshire County Council');
INSERT INTO body(id, council_id, name, short_name, self_name)
VALUES ('b1', 'c1', 'Health and Wellbeing Board', 'HWB', 'the Board'),
       ('b2', 'c1', 'Children and Young People Select Committee', 'CYP',
        'the Committee');
INSERT INTO person(id, honorific, name)
VALUES ('p1', 'Councillor', 'Ann Example'), ('p2', 'Dr', 'Ben Sample');
INSERT INTO seat(id, body_id, position, label)
VALUES ('s1', 'b1', 1, 'Testshire County Council'),
       ('s2', 'b1', 2, 'Testshire Clinical Commissioning Group');
INSERT INTO membership(id, seat_id, person_id, role, from_date)
VALUES ('ms1', 's1', 'p1', 'chairman', '2017-01-01'),
       ('ms2', 's2', 'p2', 'member', '2017-01-01');
INSERT INTO meeting(id, body_id, starts_at, status)
VALUES ('m1', 'b1', '2017-02-23T10:00:00Z', 'closed'),
       ('m2', 'b1', '2017-06-29T09:00:00Z', 'closed'),
       ('m3', 'b2', '2017-07-12T09:30:00Z', 'closed');
INSERT INTO agenda_item(id, meeting_id, position, number, title, description)
VALUES ('i1', 'm1', 1, '6', 'Pharmaceutical Needs Assessment',
        'To approve the pharmaceutical needs assessment for consultation'),
       ('i2', 'm2', 1, '7', 'Hampshire Domestic Abuse Strategy',
        'The refreshed strategy on domestic abuse'),
       ('i3', 'm2', 2, '8', 'Safeguarding Adults Board Annual Report', ''),
       ('i4', 'm3', 1, '4', 'Safeguarding in Schools',
        'Children''s safeguarding arrangements in schools'),
       ('i5', 'm2', 3, '9', 'Contract for domestic services', '');
UPDATE agenda_item SET exempt = 1, exempt_paragraph = '3' WHERE id = 'i5';
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
VALUES ('t1', 'm2', 'i2', 'heard', 1,
        'Domestic abuse affects one in four women, and the strategy takes a ' ||
        'whole-system approach to well-being and prevention.'),
       ('t2', 'm2', 'i3', 'heard', 1,
        'Adults at risk were safeguarded through a multi-agency hub.'),
       ('t3', 'm1', 'i1', 'narrative', 1,
        'Members noted that pharmacies had been consulted on abuse of ' ||
        'prescription drugs.'),
       ('t4', 'm2', 'i5', 'exempt', 1,
        'The confidential tender for domestic cleaning was discussed.');
INSERT INTO resolution(id, meeting_id, item_id, position, preamble, body)
VALUES ('r1', 'm2', 'i2', 1, 'The Health and Wellbeing Board:',
        'endorses the Hampshire Domestic Abuse Strategy.'),
       ('r2', 'm3', 'i4', 1, '', 'That the Committee notes the report on ' ||
        'safeguarding in schools.');
INSERT INTO declaration(id, meeting_id, item_id, person_id, kind, what)
VALUES ('d1', 'm1', 'i1', 'p2', 'non-registrable',
        'a partner who owns a community pharmacy');
INSERT INTO attendance(id, meeting_id, person_id, seat_id, status)
VALUES ('a1', 'm1', 'p1', 's1', 'present'), ('a2', 'm1', 'p2', 's2', 'apology'),
       ('a3', 'm2', 'p1', 's1', 'present'), ('a4', 'm2', 'p2', 's2', 'present');
