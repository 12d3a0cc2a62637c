#!/usr/bin/python3
"""Deterministic corpus for the conversion benchmark.

  bench/make_corpus.py MEGABYTES OUT.jsonl [--seed N]

Articles built from the constructions the rules cover (industry roles,
communities in subdistricts, honours, projects and investments, initiatives,
indicators with periods), with names and figures varied: districts from the
division table, everything else composed from syllables. One JSON object a
line, as `doc2kg convert --jsonl` reads them.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SYLLABLES = "安宁和平兴华新城东西南北金玉青山绿水云溪清河长乐福祥瑞丰永康泰嘉禾明月星光春晖秋实"
INDUSTRY_HEADS = ["智能", "绿色", "高端", "现代", "数字", "生物", "新型", "先进", "精密", "海洋", "低空", "量子"]
INDUSTRY_TAILS = ["装备", "制造", "材料", "医药", "物流", "金融", "信息", "能源", "食品", "文旅", "电子", "化工"]
ROLES = ["主导", "特色", "支撑", "新兴"]


def name(rnd, n=2):
    return "".join(rnd.choice(SYLLABLES) for _ in range(n))


def districts():
    rows = []
    with open(os.path.join(HERE, "..", "rules", "divisions", "divisions.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 3 and c[1] == "District" and c[2].endswith("区") and len(c[2]) == 3:
                rows.append(c[2])
    return rows


def article(rnd, areas, i):
    d = rnd.choice(areas)
    inds = [rnd.choice(INDUSTRY_HEADS) + rnd.choice(INDUSTRY_TAILS) for _ in range(6)]
    sub, com, vil = name(rnd) + "街道", name(rnd) + "社区", name(rnd) + "村"
    zone = d[:2] + name(rnd) + "产业园"
    proj = name(rnd) + rnd.choice(INDUSTRY_HEADS) + rnd.choice(INDUSTRY_TAILS) + "项目"
    y = rnd.choice([2022, 2023, 2024])
    f = lambda a, b: round(rnd.uniform(a, b), 1)
    body = [
        f"{y}年前三季度,{d}实现地区生产总值{f(100, 3000)}亿元,同比增长{f(1, 12)}%;规上工业增加值同比增长{f(1, 15)}%;"
        f"固定资产投资同比增长{f(1, 20)}%。",
        f"{d}着力构建以{inds[0]}、{inds[1]}两大产业为{rnd.choice(ROLES)},以{inds[2]}和{inds[3]}为特色的现代产业体系,"
        f"前瞻布局{inds[4]}、{inds[5]}等未来产业。全区拥有高新技术企业{rnd.randint(50, 2000)}家。",
        f"位于{sub}的{zone}以{inds[0]}为主导产业,已集聚企业{rnd.randint(10, 300)}家。总投资{f(1, 90)}亿元的{proj}在{sub}开工建设。",
        f"{d}深入实施“{name(rnd)}{name(rnd)}”行动,{sub}{com}推行“{name(rnd)}议事”,服务居民{rnd.randint(1000, 20000)}人,"
        f"获评“全国示范社区”;{name(rnd)}镇{vil}种植茶园{rnd.randint(500, 8000)}亩,去年村集体收入达到{rnd.randint(50, 900)}万元。",
    ]
    rnd.shuffle(body)
    return {"id": f"a{i:07d}", "title": f"{d}经济运行稳中向好", "date": f"{y}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "source": name(rnd) + "日报", "text": "\n".join(body)}


def main(megabytes, out, seed=42):
    rnd = random.Random(seed)
    areas = districts()
    limit = int(megabytes * 1024 * 1024)
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        i = 0
        while written < limit:
            a = article(rnd, areas, i)
            line = json.dumps(a, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(a["text"].encode("utf-8"))
            i += 1


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 42
    main(float(args[0]), args[1], seed)
