#!/usr/bin/env python3
"""Writes a deterministic doc2kg-style GraphML graph with EDGES edges.

  bench/make_graph.py EDGES OUT.graphml

Districts, communities, industries and indicators as doc2kg names them;
every edge has its relation, rule and a short evidence sentence. The chain
社区0 -> 区0 -> 市0 -> 省0 exists, so a path query has an answer.
"""
import random
import sys


def main(edges, path):
    rnd = random.Random(42)
    districts = max(10, edges // 100)
    communities = edges // 4
    industries = 1000
    indicators = edges // 4
    nodes = []
    nodes += [("Province", f"省{i}") for i in range(10)]
    nodes += [("City", f"市{i}") for i in range(100)]
    nodes += [("District", f"区{i}") for i in range(districts)]
    nodes += [("Community", f"社区{i}") for i in range(communities)]
    nodes += [("Industry", f"产业{i}") for i in range(industries)]
    nodes += [("Indicator", f"指标{i}") for i in range(indicators)]
    out = []
    def e(s, r, t):
        out.append((s, r, t))
    for i in range(100):
        e(("City", f"市{i}"), "locatedIn", ("Province", f"省{i % 10}"))
    for i in range(districts):
        e(("District", f"区{i}"), "locatedIn", ("City", f"市{i % 100}"))
    for i in range(communities):
        e(("Community", f"社区{i}"), "locatedIn", ("District", f"区{i % districts}"))
    for i in range(indicators):
        e(("District", f"区{rnd.randrange(districts)}"), "hasIndicator", ("Indicator", f"指标{i}"))
    roles = ["leadingIndustry", "characteristicIndustry", "supportingIndustry", "emergingIndustry", "hasIndustry"]
    while len(out) < edges:
        e(("District", f"区{rnd.randrange(districts)}"), rnd.choice(roles), ("Industry", f"产业{rnd.randrange(industries)}"))
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for k, dom, t in [("labels", "node", "string"), ("type", "node", "string"), ("name", "node", "string"),
                          ("relation", "edge", "string"), ("sentence", "edge", "string"), ("rule", "edge", "string")]:
            f.write(f'  <key id="{k}" for="{dom}" attr.name="{k}" attr.type="{t}"/>\n')
        f.write('  <graph id="bench" edgedefault="directed">\n')
        for t, n in nodes:
            f.write(f'    <node id="{t}/{n}"><data key="labels">:{t}</data><data key="type">{t}</data>'
                    f'<data key="name">{n}</data></node>\n')
        for (st, sn), r, (tt, tn) in out[:edges]:
            f.write(f'    <edge source="{st}/{sn}" target="{tt}/{tn}" label="{r}"><data key="relation">{r}</data>'
                    f'<data key="sentence">{sn}{r}{tn}。</data><data key="rule">bench</data></edge>\n')
        f.write("  </graph>\n</graphml>\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
