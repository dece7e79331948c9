#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sqlscan: find SQL built with printf-style formatting in C sources.

Usage: sqlscan.py FILE...   prints "FILE:LINE: FUNCTION: FORMAT" for every
call of a printf-family function whose format string (adjacent literals
joined) holds an SQL keyword and a % conversion.  Exit 0 always; the caller
decides what is allowed.
"""
import re
import sys

CALLS = re.compile(r'\b(xasprintf|sb_addf|sb_vaddf|snprintf|sprintf|vsnprintf|'
                   r'sqlite3_mprintf|sqlite3_snprintf|sqlite3_vmprintf|asprintf)\s*\(')
SQL = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|'
                 r'WHERE|VALUES|ATTACH|REPLACE INTO|ORDER BY)\b')
CONV = re.compile(r'%[-+ #0-9.*]*(?:hh|h|ll|l|z|j|t)?[sdiuqQwzcxX]|%[0-9]+\$')
FUNC = re.compile(r'^[A-Za-z_][\w \*]*?\b(\w+)\s*\([^;]*$')


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'),
                  text, flags=re.S)


def literals(args):
    out = []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"', args):
        out.append(m.group(1))
    return ''.join(out)


def scan(path):
    text = strip_comments(open(path, encoding='utf-8', errors='replace').read())
    lines = text.split('\n')
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for m in CALLS.finditer(text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            if text[i] == '"':
                i += 1
                while i < len(text) and text[i] != '"':
                    i += 2 if text[i] == '\\' else 1
            elif text[i] == '(':
                depth += 1
            elif text[i] == ')':
                depth -= 1
            i += 1
        fmt = literals(text[m.end():i])
        if not (SQL.search(fmt) and CONV.search(fmt)):
            continue
        lineno = next(n for n in range(len(starts)) if starts[n + 1] > m.start()) + 1
        func = '?'
        for n in range(lineno - 1, -1, -1):
            f = FUNC.match(lines[n])
            if f and not lines[n].startswith(('if', 'for', 'while', 'return')):
                func = f.group(1)
                break
        print('%s:%d: %s: %s' % (path, lineno, func, fmt[:100]))


for p in sys.argv[1:]:
    scan(p)
