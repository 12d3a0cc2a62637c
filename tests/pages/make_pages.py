#!/usr/bin/python3
"""Wraps plain-text articles in realistic news pages, for the HTML check.

  tests/pages/make_pages.py SRC_DIR OUT_DIR [--gbk N]

Every SRC_DIR/*.txt becomes OUT_DIR/<stem>.page.txt (an HTML page: the
scorer picks *.txt, doc2kg recognises pages by content): charset meta,
scripts, a navigation menu, breadcrumbs, a byline, share buttons, comments,
entities (&nbsp;, numeric), nested divs and a footer. Article N (--gbk) is
encoded in GBK with its meta charset. Gold files are copied beside them.
"""
import html
import os
import re
import shutil
import sys

NAV = """<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li>
<li><a href="/gov">政务公开</a></li><li><a href="/serve">办事服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>"""
SCRIPT = """<script type="text/javascript">var _hmt = _hmt || []; (function(){ var hm = document.createElement("script");
hm.src = "https://example.com/hm.js?x"; document.title = "首页 > 新闻"; })();</script>"""
FOOTER = """<footer class="site-footer"><p>主办单位：某某区人民政府办公室 版权所有</p><p>网站标识码 3701040001 鲁ICP备12345678号</p>
<p>联系我们 | 网站地图 | 隐私声明</p></footer>"""


def page(text, charset):
    lines = text.split("\n")
    title = date = author = source = ""
    body = lines
    if len(lines) > 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", lines[1].strip()):
        title, date = lines[0].strip(), lines[1].strip()
        i = 2
        while i < len(lines) and lines[i].strip():
            m = re.match(r"(作者|来源)[:：]\s*(.*)", lines[i].strip())
            if m and m.group(1) == "作者":
                author = m.group(2)
            elif m and m.group(1) == "来源":
                source = m.group(2)
            elif not source:
                source = lines[i].strip()
            i += 1
        body = lines[i:]
    paras = [p.strip() for p in body if p.strip()]
    esc = lambda s: html.escape(s, quote=False).replace("　", "&#12288;")
    head_meta = f'<meta charset="{charset}">\n<meta name="viewport" content="width=device-width">\n'
    if title:
        head_meta += f'<meta property="og:title" content="{html.escape(title)}">\n'
        head_meta += f'<meta property="article:published_time" content="{date}T09:30:00+08:00">\n'
    byline = ""
    if source or author:
        byline = (f'<div class="info"><span>来源：{esc(source)}</span>&nbsp;&nbsp;'
                  f'<span>作者：{esc(author)}</span>&nbsp;&nbsp;<span>浏览次数：<em>1024</em></span></div>')
    ps = "\n".join(f"<p>&nbsp;&nbsp;{esc(p)}</p>" if k % 2 else f"<p style=\"text-indent:2em\">{esc(p)}</p>"
                   for k, p in enumerate(paras))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{head_meta}<title>{esc(title) + '_' if title else ''}新闻中心_某某区人民政府网</title>
<link rel="stylesheet" href="/css/main.css">
<style>.info{{color:#999}} p{{line-height:2}}</style>
{SCRIPT}
</head>
<body>
<header class="header"><div class="logo">某某区人民政府网</div><div class="search"><input type="text"> 搜索</div></header>
{NAV}
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/news">新闻中心</a> &gt; 区县动态</div>
<!-- 正文开始 -->
<div class="main"><div class="left-col">
<div class="article">
{'<h1>' + esc(title) + '</h1>' if title else ''}
{byline}
<div class="content"><div class="TRS_Editor">
{ps}
</div></div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="editor">责任编辑：xx</div>
</div></div>
<aside class="sidebar"><h3>热点新闻</h3><ul><li>某某市召开全市经济工作会议</li><li>全区安全生产工作会议召开</li></ul></aside>
</div>
<!-- 正文结束 -->
{FOOTER}
<script>console.log("扫一扫 用手机看");</script>
</body>
</html>
"""


def main(src, out, gbk):
    os.makedirs(out, exist_ok=True)
    for i, f in enumerate(sorted(x for x in os.listdir(src) if x.endswith(".txt"))):
        stem = f.split(".")[0]
        text = open(os.path.join(src, f), encoding="utf-8").read()
        charset = "gbk" if i + 1 == gbk else "utf-8"
        data = page(text, charset).encode("gb18030" if charset == "gbk" else "utf-8")
        open(os.path.join(out, stem + ".page.txt"), "wb").write(data)
        gold = os.path.join(src, stem + ".gold.json")
        if os.path.exists(gold):
            shutil.copy(gold, out)


if __name__ == "__main__":
    args = sys.argv[1:]
    gbk = int(args[args.index("--gbk") + 1]) if "--gbk" in args else 0
    main(args[0], args[1], gbk)
