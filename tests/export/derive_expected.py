#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""derive_expected.py: how tests/export/expected/hwb-2017-06-29.{txt,md}
were made.  Not run by `make check` (the seed is not part of the tree);
kept so that the golden files can be re-derived and every difference from
the published minutes is listed and explained in one place.

    tests/export/derive_expected.py SEED OUTDIR

SEED is the agenda pack of the Hampshire Health and Wellbeing Board
(shared/seeds/004_5dd1b212fce26250.txt); lines 61-294 are the minutes of
29 June 2017 as published.  They are read paragraph by paragraph, the few
known differences below are applied, and the result is laid out the way
clerk's text exporter (80 columns, hanging indents) and Markdown exporter
(one line per paragraph, escaped) lay out any document.

Known differences between the published minutes and clerk's, on purpose:
 1. PRESENT lists members by surname after the chairman and vice-chairman;
    the pack puts Crocker before Crampton.
 2. Apologies are listed in seat order (the order of the membership
    table); the pack's order follows no rule clerk can know.  Each apology
    names the member's capacity as recorded in the attendance ("Chair,
    West Hampshire Clinical Commissioning Group"), where the pack words it
    afresh ("Chairman West Hampshire ..."), and the substitute's fate
    follows as its own sentence.
 3. Items 1 and 2 carry the bold title like every other minute (the pack
    lost the emphasis of item 1 in extraction), and a paragraph split by a
    page break in item 8 is joined again.
 4. The signature line carries the date of the meeting that confirmed the
    minutes (the demo records them as confirmed on 5 October 2017).
"""
import re
import sys
import textwrap

SEED_FIRST, SEED_LAST = 61, 294

APOLOGIES = [
    "Steve Crocker, Director of Children's Services, Hampshire County Council, "
    "due to attending the Isle of Wight Health and Wellbeing Board meeting. "
    "He did not have a nominated substitute.",
    "Dr Sarah Schofield, Chair, West Hampshire Clinical Commissioning Group. "
    "Her substitute Heather Hauschild, Chief Officer, was unable to attend in "
    "her place due to a CCG Board meeting.",
    "Dr Andrew Whitfield, Chair, North East Hampshire and Farnham Clinical "
    "Commissioning Group. Dr Peter Bibawy, Medical Director, his substitute, "
    "attended in his place.",
    "Michael Lane, Hampshire Police and Crime Commissioner. He did not have a "
    "nominated substitute.",
    "Julie Dawes, Acting Chief Executive, Southern Health NHS Foundation "
    "Trust. Her substitute Sue Harriman, Chief Executive, Solent NHS Trust "
    "also sent apologies.",
]


def paragraphs(lines):
    """Seed lines to (kind, text) blocks."""
    out = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        out.append(line)
    return out


def classify(lines):
    blocks = []  # (kind, text, extra)
    in_present = False
    for line in lines:
        m = re.match(r"^(\d+)\. (\*\*)?(.*?)(\*\*)?$", line)
        if line == "PRESENT":
            blocks.append(("heading", line))
            in_present = True
        elif line in ("Chairman:", "Vice-Chairman:"):
            blocks.append(("caption", line))
        elif in_present and re.match(r"^[pa] ", line):
            blocks.append(("att", line))
        elif line == "Also in attendance:":
            in_present = False
            blocks.append(("para", line))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:]))
        elif m and m.group(3).isupper() and (m.group(2) or int(m.group(1)) == 1):
            blocks.append(("minute", m.group(1) + ".", m.group(3)))
        elif m:
            blocks.append(("numbered", m.group(1) + ".", m.group(3)))
        elif line in ("RESOLVED:", "The Board heard that:",
                      "Board Members commented:"):
            blocks.append(("label", line))
        else:
            blocks.append(("para", line))
    return blocks


def apply_differences(blocks):
    out = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        # 2: the apologies, from what the demo recorded.
        if b[0] == "bullet" and b[1].startswith("Dr Sarah Schofield"):
            while i < len(blocks) and blocks[i][0] == "bullet":
                i += 1
            out += [("bullet", a) for a in APOLOGIES]
            continue
        # 3: a paragraph split by a page break.
        if b[0] == "bullet" and b[1].endswith("had been shown to be"):
            out.append(("bullet", b[1] + " " + blocks[i + 1][1]))
            i += 2
            continue
        if b == ("para", "Chairman,"):
            out.append(("signature", "Chairman, 5 October 2017"))  # 4
            break  # the minutes end with the signature
        out.append(b)
        i += 1
    # 1: PRESENT by surname.
    att = [k for k, b in enumerate(out) if b[0] == "att"]
    members = [out[k] for k in att[2:]]
    def name(b):
        words = b[1][2:].split(" (")[0].split()
        while words[0] in ("Councillor", "Dr"):
            words = words[1:]
        return words
    members.sort(key=lambda b: (name(b)[-1], " ".join(name(b))))
    for k, b in zip(att[2:], members):
        out[k] = b
    return out


def wrap(text, first="", rest=""):
    return textwrap.fill(text, 80, initial_indent=first,
                         subsequent_indent=rest, break_long_words=False,
                         break_on_hyphens=False) + "\n"


def to_text(blocks):
    o = []
    prev = None
    for b in blocks:
        k = b[0]
        if prev in ("bullet", "numbered", "att") and k != prev and \
                not (prev == "att" and k == "caption"):
            o.append("\n")
        if k == "heading" or k == "para" or k == "label":
            o.append(wrap(b[1]) + "\n")
        elif k == "caption":
            if prev == "att":
                o.append("\n")
            o.append(b[1] + "\n")
        elif k == "att":
            if prev == "att" and blocks.index(b) == first_plain(blocks):
                o.append("\n")
            o.append(wrap(b[1][2:], b[1][:2], "  "))
        elif k == "minute":
            o.append(wrap(b[2], b[1] + " ", " " * (len(b[1]) + 1)) + "\n")
        elif k == "bullet":
            o.append(wrap(b[1], "- ", "  "))
        elif k == "numbered":
            o.append(wrap(b[2], b[1] + " ", "   "))
        elif k == "signature":
            o.append("\n" + b[1] + "\n")
        prev = k
    return "".join(o)


def first_plain(blocks):
    """Index of the first member listed after the vice-chairman."""
    seen = 0
    for k, b in enumerate(blocks):
        if b[0] == "att":
            seen += 1
            if seen == 3:
                return k
    return -1


def md_escape(text, at_start):
    t = re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", text)
    t = re.sub(r"&(?=[A-Za-z0-9#])", r"\\&", t)
    if at_start:
        m = re.match(r"^(\d{1,9})([.)])", t)
        if m:
            t = m.group(1) + "\\" + t[len(m.group(1)):]
        elif t[:1] and t[0] in "#>+-=|":
            t = "\\" + t
    return t


def to_markdown(blocks):
    o = []
    prev = None
    for b in blocks:
        k = b[0]
        if prev in ("bullet", "numbered") and k != prev:
            o.append("\n")
        if k == "heading":
            o.append("**" + md_escape(b[1], False) + "**\n\n")
        elif k == "label":
            o.append("**" + md_escape(b[1], False) + "**\n\n")
        elif k in ("para", "caption", "signature"):
            o.append(md_escape(b[1], True) + "\n\n")
        elif k == "att":
            o.append(md_escape(b[1][0], True) + " " +
                     md_escape(b[1][2:], False) + "\n\n")
        elif k == "minute":
            o.append(md_escape(b[1], True) + " **" +
                     md_escape(b[2], False) + "**\n\n")
        elif k == "bullet":
            o.append("- " + md_escape(b[1], True) + "\n")
        elif k == "numbered":
            o.append(b[1] + " " + md_escape(b[2], True) + "\n")
        prev = k
    return "".join(o)


def main():
    seed, outdir = sys.argv[1], sys.argv[2]
    with open(seed, encoding="utf-8") as f:
        lines = f.read().split("\n")[SEED_FIRST - 1:SEED_LAST]
    blocks = apply_differences(classify(paragraphs(lines)))
    with open(outdir + "/hwb-2017-06-29.txt", "w", encoding="utf-8") as f:
        f.write(to_text(blocks))
    with open(outdir + "/hwb-2017-06-29.md", "w", encoding="utf-8") as f:
        f.write(to_markdown(blocks))


if __name__ == "__main__":
    main()
