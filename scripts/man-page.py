#!/usr/bin/env python3
"""`make install`: the man page swift-argument-parser generates (mdoc), made fit to read and lint-clean.

Usage: scripts/man-page.py DOC_DIR < generated.1 > cchsim.1

- "Example: CMD" and "Examples:" followed by indented command lines become literal displays
  (.Bd -literal), so commands are shown as typed: not filled into the paragraph, not hyphenated,
  long ones continued on the next line with a backslash.
- A blank line of a help text becomes a paragraph break (.Pp) instead of an empty input line,
  and a paragraph break right before a list item or the end of a list is dropped (mdoc skips it).
- Each sentence of running text starts a new input line (mdoc's "new sentence, new line"), and
  the word cchsim and document paths are never hyphenated.
- A cited docs/NAME.md becomes DOC_DIR/NAME.md, where `make install` puts the documents.
The input is text to be shown, never run: lines are only re-split and macros only passed on.
"""
import re
import sys

EXAMPLE = re.compile(r"^(Examples?):\s*(.*)$")
# The widest example line: a display sits up to 19 columns in on an 80-column page.
WIDTH = 56


def command_lines(command):
    """A command in a literal display, cut at spaces into lines of at most WIDTH characters that
    end with a shell continuation (printed as a backslash: \\e)."""
    lines, current = [], ""
    for word in command.split(" "):
        if current and len(current) + 1 + len(word) > WIDTH:
            lines.append(current + " \\e")
            current = "    " + word
        else:
            current = current + " " + word if current else word
    return lines + [current]


def sentences(line):
    """Running text, one sentence per line; a line that would start with a roff control character is guarded."""
    parts = re.split(r"(?<=[.?!]) (?=[A-Z`(])", line)
    return ["\\&" + p if p[:1] in (".", "'") else p for p in parts]


def text(line, doc_dir):
    line = re.sub(r"(?<![/\w])cchsim\b", r"\\%cchsim", line)
    # After the word: a \% inside the path would mark a hyphenation point there. The path is
    # not hyphenated (\%) but may break after a slash (\:), so a long PREFIX still fits the page.
    return re.sub(r"\bdocs/([a-z-]+\.md)", lambda m: "\\%" + (doc_dir + "/" + m.group(1)).replace("/", "/\\:"), line)


def convert(lines, doc_dir):
    out = []

    def paragraph():
        if out and out[-1] != ".Pp" and not out[-1].startswith((".Bl", ".It")):
            out.append(".Pp")

    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith((".", "'")):
            if line.startswith(".Nd ") and line.endswith('."'):
                line = line[:-2] + '"'  # a one-line description ends without a full stop
            if line.startswith((".It", ".El")) and out and out[-1] == ".Pp":
                out.pop()
            out.append(line)
            continue
        if not line.strip():
            paragraph()
            continue
        example = EXAMPLE.match(line)
        if example:
            paragraph()
            out.append(example.group(1) + ":")
            out.append(".Bd -literal -offset indent")
            if example.group(2):
                out.extend(command_lines(example.group(2)))
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                out.extend(command_lines(lines[i].strip()))
                i += 1
            out.append(".Ed")
            continue
        out.extend(sentences(text(line, doc_dir)))
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: man-page.py DOC_DIR < generated.1 > cchsim.1")
    source = sys.stdin.read().split("\n")
    if source and source[-1] == "":
        source.pop()
    sys.stdout.write("\n".join(convert(source, sys.argv[1])) + "\n")
