#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check a Popolo JSON export against the Popolo schemas' required fields
and references (popoloproject.com/schemas): every object has its id and
name/label/text, every *_id names an object that exists, dates match the
schemas' patterns, vote counts are {option, integer value}, and every key
Popolo does not define is a documented extension named "clerk:...".
Prints one line per problem; exit 0 when there is none."""
import json, re, sys

DATE = re.compile(r'^[0-9]{4}(-[0-9]{2}){0,2}$')
DATETIME = re.compile(r'^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))$')
KNOWN = {
    'persons': {'id', 'name', 'honorific_prefix', 'honorific_suffix', 'summary', 'other_names', 'identifiers', 'email', 'given_name', 'family_name', 'sort_name', 'gender', 'links', 'contact_details', 'sources'},
    'organizations': {'id', 'name', 'classification', 'parent_id', 'other_names', 'identifiers', 'founding_date', 'dissolution_date', 'links', 'sources'},
    'posts': {'id', 'label', 'role', 'organization_id', 'start_date', 'end_date', 'other_label', 'area_id'},
    'memberships': {'id', 'label', 'role', 'person_id', 'organization_id', 'post_id', 'on_behalf_of_id', 'start_date', 'end_date', 'member'},
    'events': {'id', 'name', 'description', 'start_date', 'end_date', 'location', 'status', 'classification', 'organization_id', 'parent_id', 'identifiers', 'attendees'},
    'motions': {'id', 'organization_id', 'legislative_session_id', 'creator_id', 'text', 'identifier', 'classification', 'date', 'requirement', 'result', 'sources'},
    'vote_events': {'id', 'organization_id', 'legislative_session_id', 'identifier', 'motion_id', 'classification', 'start_date', 'end_date', 'result', 'group_results', 'counts', 'votes'},
    'votes': {'id', 'vote_event_id', 'voter_id', 'option', 'party_id', 'role', 'weight', 'pair_id'},
}
REQUIRED = {
    'persons': ['id', 'name'], 'organizations': ['id', 'name'],
    'posts': ['id', 'label', 'organization_id'],
    'memberships': ['person_id', 'organization_id'],
    'events': ['id', 'name', 'start_date'], 'motions': ['id', 'text'],
    'vote_events': ['id', 'motion_id'],
    'votes': ['vote_event_id', 'voter_id', 'option'],
}
REFS = {
    'person_id': 'persons', 'voter_id': 'persons', 'creator_id': 'persons',
    'organization_id': 'organizations', 'on_behalf_of_id': 'organizations',
    'parent_id': 'organizations', 'post_id': 'posts', 'motion_id': 'motions',
    'vote_event_id': 'vote_events', 'legislative_session_id': 'events',
}

def main(path):
    doc = json.load(open(path, encoding='utf-8'))
    problems = []
    ids = {}
    for coll in KNOWN:
        if not isinstance(doc.get(coll), list):
            problems.append(f'{coll}: missing or not an array')
            doc[coll] = []
        seen = set()
        for o in doc[coll]:
            if 'id' in o:
                if o['id'] in seen:
                    problems.append(f'{coll}: id {o["id"]} used twice')
                seen.add(o['id'])
        ids[coll] = seen
    for coll, objs in ((c, doc[c]) for c in KNOWN):
        for i, o in enumerate(objs):
            where = f'{coll}[{i}]'
            for k in REQUIRED[coll]:
                if not isinstance(o.get(k), str) or not o[k]:
                    problems.append(f'{where}: required {k} missing or empty')
            for k, v in o.items():
                if k not in KNOWN[coll] and not k.startswith('clerk:'):
                    problems.append(f'{where}: {k} is neither Popolo nor a clerk: extension')
                target = REFS.get(k)
                if coll == 'events' and k == 'parent_id':
                    target = 'events'
                if target and v is not None and v not in ids[target]:
                    problems.append(f'{where}: {k} {v} names no {target[:-1]}')
            for k in ('start_date', 'end_date'):
                if k in o:
                    pat = DATETIME if coll in ('events', 'vote_events') else DATE
                    if not pat.match(o[k]):
                        problems.append(f'{where}: {k} "{o[k]}" does not match the schema')
            if coll == 'vote_events':
                for c in o.get('counts', []):
                    if not isinstance(c.get('option'), str) or not isinstance(c.get('value'), int):
                        problems.append(f'{where}: a count lacks option or integer value')
            if coll == 'votes' and o.get('option') not in ('yes', 'no', 'abstain'):
                problems.append(f'{where}: option {o.get("option")} is not yes, no or abstain')
    for p in problems:
        print(p)
    return 1 if problems else 0

sys.exit(main(sys.argv[1]))
