#!/usr/bin/env python3
"""Checks the user documentation (README.md and docs/*.md): every relative link and image
resolves to a file of the repository, every #anchor to a heading of its page (GitHub's anchor
rules), and every kafka.* property the example plans read (testplans/*.jmx) is documented.
Usage: check_docs.py REPOSITORY_ROOT"""
import pathlib
import re
import sys

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
PROPERTY = re.compile(r"__P\((kafka\.[A-Za-z0-9_.]+)")


def anchor(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page):
    return {anchor(h) for h in HEADING.findall(FENCE.sub("", page.read_text()))}


def broken_links(root, page):
    text = FENCE.sub("", page.read_text())
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        path, _, fragment = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        if not resolved.exists() or root not in resolved.parents and resolved != root:
            yield f"{page.relative_to(root)}: {target}: no such file"
        elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved):
            yield f"{page.relative_to(root)}: {target}: no heading '#{fragment}' there"


def undocumented_properties(root, pages):
    documented = "\n".join(page.read_text() for page in pages)
    used = set()
    for plan in sorted((root / "testplans").glob("*.jmx")):
        used.update(PROPERTY.findall(plan.read_text()))
    for name in sorted(used):
        if not re.search(re.escape(name) + r"(?![A-Za-z0-9_.])", documented):
            yield f"{name}: read by testplans/*.jmx, documented nowhere in README.md or docs/"


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    pages = [root / "README.md"] + sorted((root / "docs").glob("*.md"))
    problems = [p for page in pages for p in broken_links(root, page)]
    problems += undocumented_properties(root, pages)
    for problem in problems:
        print("FAIL:", problem)
    print(f"docs: {len(pages)} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
