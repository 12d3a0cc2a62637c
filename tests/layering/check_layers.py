#!/usr/bin/env python3
"""Keeps doc2kg's includes running one way (README.md, "Where things are").

    check_layers.py [ROOT]          check ROOT (default: the repository)
    check_layers.py --self-test     put known back-references into a copy; each must be caught

Every file of src/ and include/doc2kg/ belongs to a layer; a file may include
headers of its own layer and of the layers below it, as LAYERS says. Also:
read/ and analysis/ never include each other; graph/ and formats/ never
include rules/, a stage or the pipeline; only pipeline.cpp includes a stage's
header (one that declares `void run(Document&, const RuleSetImpl&)`); a
public header includes only public headers; and no units (a .cpp with its
header) include each other in a loop. Each problem is printed as
FILE:LINE: what, and the exit status is 1 when there is any.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# layer -> the layers it may include (besides itself)
LAYERS = {
    "base": [],
    "document": ["base"],
    "rules": ["base", "document"],
    "read": ["base", "document", "rules"],
    "analysis": ["base", "document", "rules"],
    "graph": ["base", "document"],
    "formats": ["base", "document", "graph"],
    "pipeline": ["base", "document", "rules", "read", "analysis", "graph"],
    "batch": ["base", "document", "rules", "read", "graph", "formats", "pipeline"],
    "cli": ["base", "document", "rules", "read", "graph", "formats", "pipeline", "batch"],
}
# The public headers, by the layer that implements them.
PUBLIC = {
    "error": "base", "range": "document", "facts": "document", "document": "document",
    "rules": "rules", "graph": "graph", "query": "graph", "writer": "formats",
    "graph_reader": "formats", "pipeline": "pipeline", "batch": "batch",
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
STAGE = re.compile(r"void\s+run\s*\(\s*Document&\s*\w*\s*,\s*const\s+RuleSetImpl&")


def layer_of(rel):
    """The layer of a path relative to the root, or None for a file outside the layers."""
    parts = rel.split("/")
    if parts[0] == "include" and len(parts) == 3:
        return PUBLIC.get(os.path.splitext(parts[2])[0], "unlisted public header")
    if parts[0] != "src":
        return None
    if len(parts) == 2:
        stem = os.path.splitext(parts[1])[0]
        return {"pipeline": "pipeline", "stages": "pipeline", "batch": "batch"}.get(stem, "unplaced")
    return parts[1] if parts[1] in LAYERS else "unplaced"


def resolve(root, including, name):
    for base in (os.path.join(root, "include"), os.path.join(root, "src"), os.path.dirname(including)):
        path = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(path):
            return os.path.relpath(path, root)
    return None


def check(root):
    files = []
    for top in ("src", "include"):
        for d, _, names in os.walk(os.path.join(root, top)):
            files += [os.path.relpath(os.path.join(d, n), root) for n in names if n.endswith((".cpp", ".hpp"))]
    files.sort()
    stages = {f for f in files if f.endswith(".hpp") and STAGE.search(open(os.path.join(root, f), encoding="utf-8").read())}
    problems, edges = [], {}
    unit = lambda f: os.path.splitext(f)[0].replace("include/doc2kg/", "public/")
    for f in files:
        src_layer = layer_of(f)
        if src_layer in ("unplaced", "unlisted public header"):
            problems.append(f"{f}:1: {src_layer}: give it a layer (check_layers.py, README 'Where things are')")
            continue
        for number, line in enumerate(open(os.path.join(root, f), encoding="utf-8"), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = resolve(root, os.path.join(root, f), m.group(1))
            if target is None:
                continue  # a system or test header
            to_layer = layer_of(target)
            where = f"{f}:{number}: includes {m.group(1)}"
            if f.startswith("include/") and not target.startswith("include/"):
                problems.append(f"{where}: a public header includes only public headers")
            if to_layer != src_layer and to_layer not in LAYERS.get(src_layer, []):
                problems.append(f"{where}: {src_layer}/ may not include {to_layer}/ (includes run down the layers)")
            if target in stages and f != "src/pipeline.cpp" and unit(target) != unit(f):
                problems.append(f"{where}: a stage's header; only pipeline.cpp includes stages")
            if unit(target) != unit(f):
                edges.setdefault(unit(f), set()).add(unit(target))
    problems += [f"{cycle[0]}: units include each other in a loop: {' -> '.join(cycle + [cycle[0]])}"
                 for cycle in cycles(edges)]
    return problems


def cycles(edges):
    """Strongly connected components of more than one unit (Tarjan), each as a list."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


# Back-references the layering once had (issue 18): each must be reported again if put back.
BACK_REFERENCES = [
    ("src/rules/rule_set.cpp", '#include "analysis/indicators.hpp"'),  # rules learning which lists stages need
    ("src/document/facts.cpp", '#include "doc2kg/writer.hpp"'),         # a fact formatting a number
    ("src/formats/writer.cpp", '#include "doc2kg/pipeline.hpp"'),       # a writer reaching for add_to_graph
    ("src/analysis/pruning.cpp", '#include "analysis/containment.hpp"'),  # a stage including another
    ("src/read/reader.cpp", '#include "analysis/names.hpp"'),           # read/ and analysis/ are siblings
    ("include/doc2kg/graph.hpp", '#include "base/text.hpp"'),           # a public header on an internal one
]


def self_test(root):
    failures = 0
    if check(root):
        print("self-test: the tree itself does not pass")
        return 1
    for path, line in BACK_REFERENCES:
        with tempfile.TemporaryDirectory() as tmp:
            for top in ("src", "include"):
                shutil.copytree(os.path.join(root, top), os.path.join(tmp, top))
            with open(os.path.join(tmp, path), "a", encoding="utf-8") as f:
                f.write(line + "\n")
            found = [p for p in check(tmp) if p.startswith(path + ":")]
            print(("caught" if found else "MISSED") + f": {path} {line}" + (f"\n  {found[0]}" if found else ""))
            failures += not found
    return 1 if failures else 0


if __name__ == "__main__":
    here = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    if sys.argv[1:2] == ["--self-test"]:
        sys.exit(self_test(here))
    problems = check(sys.argv[1] if len(sys.argv) > 1 else here)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)
