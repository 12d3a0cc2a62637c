#!/usr/bin/env python3
"""The peer: networkx loads the same GraphML and answers the same questions.

  bench/networkx_query.py GRAPH NAME FROM TO   -> load/card/path seconds as TSV
"""
import sys
import time

import networkx as nx


def main(path, name, a, b):
    t0 = time.perf_counter()
    g = nx.read_graphml(path)
    t1 = time.perf_counter()
    names = {d.get("name"): n for n, d in g.nodes(data=True)}
    v = names[name]
    card = [(d["relation"], g.nodes[t]["name"]) for _, t, d in g.out_edges(v, data=True)]
    card += [(d["relation"], g.nodes[s]["name"]) for s, _, d in g.in_edges(v, data=True)]
    t2 = time.perf_counter()
    p = nx.shortest_path(g.to_undirected(as_view=True), names[a], names[b])
    t3 = time.perf_counter()
    print(f"networkx\t{t1 - t0:.3f}\t{t2 - t1:.3f}\t{t3 - t2:.3f}\t{t3 - t0:.3f}\t{len(card)}\t{len(p) - 1}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
