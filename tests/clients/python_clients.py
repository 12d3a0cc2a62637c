#!/usr/bin/python3
"""The Python clients read doc2kg's outputs as doc2kg wrote them.

  tests/clients/python_clients.py DOC2KG ARTICLE WORKDIR

networkx and igraph read the GraphML with the node and edge counts that
`doc2kg stats` reports; rdflib reads the JSON-LD to the same triples as the
N-Quads. Exits non-zero with the difference when they disagree.
"""
import subprocess
import sys

import igraph
import networkx as nx
import rdflib


def main(doc2kg, article, work):
    out = {}
    for ext in ("graphml", "jsonld", "nq"):
        out[ext] = f"{work}/sample.{ext}"
        subprocess.run([doc2kg, "convert", article, "-o", out[ext]], check=True)
    stats = subprocess.run([doc2kg, "stats", out["graphml"], "--format", "tsv"], check=True,
                           capture_output=True, text=True).stdout
    totals = {row.split("\t")[1]: int(row.split("\t")[2]) for row in stats.splitlines() if row.startswith("total\t")}
    failures = []

    g = nx.read_graphml(out["graphml"])
    if (g.number_of_nodes(), g.number_of_edges()) != (totals["nodes"], totals["edges"]):
        failures.append(f"networkx: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; doc2kg: {totals}")
    ig = igraph.Graph.Read_GraphML(out["graphml"])
    if (ig.vcount(), ig.ecount()) != (totals["nodes"], totals["edges"]):
        failures.append(f"igraph: {ig.vcount()} nodes, {ig.ecount()} edges; doc2kg: {totals}")
    if "name" not in ig.vs.attributes() or "relation" not in ig.es.attributes():
        failures.append("igraph: the name and relation attributes are missing")

    from_jsonld = rdflib.Graph()
    from_jsonld.parse(out["jsonld"], format="json-ld")
    from_nquads = rdflib.Dataset()
    from_nquads.parse(out["nq"], format="nquads")
    a = set(from_jsonld)
    b = {(s, p, o) for s, p, o, _ in from_nquads.quads((None, None, None, None))}
    if a != b:
        failures.append(f"rdflib: {len(a - b)} triples only in JSON-LD, {len(b - a)} only in N-Quads; "
                        f"e.g. {sorted(a - b)[:2]} / {sorted(b - a)[:2]}")
    if len(a) < 100:
        failures.append(f"rdflib: only {len(a)} triples")
    for f in failures:
        print("FAIL", f)
    print(f"python clients: {totals['nodes']} nodes, {totals['edges']} edges, {len(a)} triples"
          + ("" if failures else ": networkx, igraph and rdflib agree"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
