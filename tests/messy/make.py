#!/usr/bin/env python3
"""Writes the messy forms of the clean articles in this folder.

The clean forms (`*.clean.txt`, one paragraph per line) are written by
hand; this script cuts them the way e-mail clients, PDF viewers and
careless copying do. Run it from this folder after editing a clean form:
`python3 make.py`. The HTML page (`wire.page.html`) is written by hand.
"""
from pathlib import Path

# Rough glyph widths of a proportional font, in tenths of an average char.
NARROW, WIDE = set("fijlrtI.,;:'’“”()!- "), set("mwMW")


def width(s, proportional):
    if not proportional:
        return len(s)
    return sum(5 if c in NARROW else 15 if c in WIDE else 10 for c in s) / 10


def wrap(par, cols, indent="", hang="", proportional=False):
    """Greedy wrap: a line breaks before the word that would not fit."""
    lines, line = [], indent
    for word in par.split(" "):
        trial = line + ("" if line.strip() == "" else " ") + word
        if line.strip() and width(trial, proportional) > cols:
            lines.append(line)
            line = hang + word
        else:
            line = trial
    lines.append(line)
    return lines


def is_item(line):
    return line[:2] == "- " or (line[:1].isdigit() and line[1:3] == ". ")


def email(text, cols):
    """Blank lines between paragraphs, items with a hanging indent."""
    out = []
    for par in text.splitlines():
        hang = " " * (par.index(" ") + 1) if is_item(par) else ""
        lines = wrap(par, cols, hang=hang)
        if out and not (is_item(par) and is_item(out[-1][0])):
            out.append([""])
        out.append(lines)
    return "\n".join(line for block in out for line in block) + "\n"


def pdf(text, cols):
    """No blank lines, proportional widths, the dateline alone on a line."""
    out = []
    for par in text.splitlines():
        if "(Reuters) – " in par:
            dateline, rest = par.split("(Reuters) – ", 1)
            out.append(dateline + "(Reuters) –")
            par = rest
        out.extend(wrap(par, cols, proportional=True))
    return "\n".join(out) + "\n"


def mixed(text, cols):
    """Every other paragraph wrapped, the rest on one line each."""
    out = []
    for k, par in enumerate(text.splitlines()):
        out.extend(wrap(par, cols) if k % 2 else [par])
    return "\n".join(out) + "\n"


wire = Path("wire.clean.txt").read_text(encoding="utf-8")
flood = Path("flood.clean.txt").read_text(encoding="utf-8")
Path("wire.pdf.txt").write_text(pdf(wire, 64), encoding="utf-8")
Path("flood.email.txt").write_text(email(flood, 66), encoding="utf-8")
Path("flood.mixed.txt").write_text(mixed(flood, 60), encoding="utf-8")
