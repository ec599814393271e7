#!/usr/bin/env python3
"""man_matches_help.py HELP_TEXT MAN_TEXT

Checks that a rendered manual page (man -l PAGE | col -b) says what
`proceedings CMD --help` says: the summary, every argument and option with
its description, and every line of the notes and exit statuses. Spaces and
line breaks are compared loosely (man fills paragraphs); quotes and dashes as
ASCII. Prints what is missing and exits 1.
"""
import re
import sys


def loose(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2212", "-")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def help_items(help_text):
    """(what, text) pairs: the summary, each option's names and description, each footer line."""
    lines = help_text.rstrip("\n").split("\n")
    items = [("summary", lines[0])]
    section, entry = None, None
    sections_over = False
    for line in lines[1:]:
        if line.startswith("Usage:"):
            continue
        if line in ("Positionals:", "Options:", "Subcommands:"):
            section = line
            continue
        if section and not sections_over:
            if line == "":
                # a blank line after the last section starts the footer
                section = section if section != "Subcommands:" else None
                continue
            if line.startswith("  ") and not line.startswith(" " * 29):
                parts = re.split(r"\s{2,}", line.strip(), maxsplit=1)
                names = parts[0]
                if section != "Subcommands:":
                    for name in re.findall(r"--?[A-Za-z][\w-]*|^[A-Z]+", names):
                        items.append((section + " " + names, name))
                else:
                    items.append(("subcommand", names.split()[0]))
                if len(parts) > 1:
                    items.append((section + " " + names, parts[1]))
                continue
            if line.startswith(" " * 29):
                items.append((section, line.strip()))
                continue
            sections_over = True
        if section is None and not sections_over and not line.strip():
            continue  # the blank line after the usage
        if sections_over or section is None:
            line = re.sub(r"^Exit status: ", "", line)  # the manual's EXIT STATUS section says it
            if line.strip():
                items.append(("footer", line.strip()))
            sections_over = True
    return items


def main():
    help_text = open(sys.argv[1], encoding="utf-8").read()
    man_text = loose(open(sys.argv[2], encoding="utf-8").read())
    missing = [(what, text) for what, text in help_items(help_text) if loose(text) not in man_text]
    for what, text in missing:
        print("missing from the manual page (%s): %s" % (what, text))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
